package io.realtimeagents.agent.internal.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class BrokerDiagnosisTest {
    @Test
    void aClosedPort_isReportedAsRefused() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        String address = "127.0.0.1:" + port;

        assertThat(new BrokerDiagnosis(address, Map.of()).explain(new TimeoutException()))
                .isEqualTo("connection refused by " + address + " (no broker listens there: is it running?)");
    }

    @Test
    void aListenerThatDoesNotAnswerAsKafka_isReportedAsSuch() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String address = "127.0.0.1:" + socket.getLocalPort();

            assertThat(BrokerDiagnosis.probe(address))
                    .startsWith(address + " accepts connections but no Kafka broker answered there in time");
        }
    }

    @Test
    void everyAddressIsProbed_andOtherFailuresKeepTheirMessage() {
        BrokerDiagnosis diagnosis = new BrokerDiagnosis("kafka-0,127.0.0.1:1", Map.of());

        assertThat(diagnosis.explain(new org.apache.kafka.common.errors.TimeoutException("no node")))
                .isEqualTo("kafka-0 is not a host:port address; connection refused by 127.0.0.1:1 (no broker listens"
                        + " there: is it running?)");
        assertThat(diagnosis.explain(new ExecutionException(
                        new org.apache.kafka.common.errors.SaslAuthenticationException("bad credentials"))))
                .isEqualTo("SaslAuthenticationException: bad credentials");
    }
}
