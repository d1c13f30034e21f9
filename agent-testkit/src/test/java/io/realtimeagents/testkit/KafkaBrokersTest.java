package io.realtimeagents.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class KafkaBrokersTest {

    @Test
    void shared_calledTwice_returnsTheSameRunningBroker() {
        KafkaBroker first = KafkaBrokers.shared();
        KafkaBroker second = KafkaBrokers.shared();

        assertThat(second).isSameAs(first);
        assertThat(first.bootstrapServers()).isNotBlank();
        assertThat(first.kind()).isNotBlank();
    }

    @Test
    void shared_closedByATest_keepsServingOthers() {
        KafkaBrokers.shared().close();

        try (KafkaTestClient client = KafkaTestClient.create(KafkaBrokers.shared())) {
            String topic = client.uniqueTopic("after-close", 1);
            client.produce(topic, "k", "still here");
            assertThat(client.consume(topic, 1, Duration.ofSeconds(10)))
                    .singleElement()
                    .satisfies(record -> assertThat(record.value()).isEqualTo("still here"));
        }
    }

    @Test
    void startEmbedded_returnsAnIndependentLoopbackBrokerThatStopsOnClose() {
        String bootstrap;
        try (KafkaBroker broker = KafkaBrokers.startEmbedded();
                KafkaTestClient client = KafkaTestClient.create(broker)) {
            bootstrap = broker.bootstrapServers();
            assertThat(broker).isNotSameAs(KafkaBrokers.shared());
            assertThat(broker.kind()).isEqualTo("in-JVM KRaft");
            assertThat(bootstrap)
                    .startsWith("127.0.0.1:")
                    .isNotEqualTo(KafkaBrokers.shared().bootstrapServers());

            String topic = client.uniqueTopic("embedded", 1);
            client.produce(topic, "k", "v");
            assertThat(client.consume(topic, 1, Duration.ofSeconds(10))).hasSize(1);
        }

        assertThatThrownBy(() -> connect(bootstrap)).isInstanceOf(IOException.class);
    }

    private static void connect(String bootstrap) throws IOException {
        int colon = bootstrap.lastIndexOf(':');
        try (Socket socket = new Socket()) {
            socket.connect(
                    new InetSocketAddress(
                            bootstrap.substring(0, colon), Integer.parseInt(bootstrap.substring(colon + 1))),
                    1_000);
        }
    }
}
