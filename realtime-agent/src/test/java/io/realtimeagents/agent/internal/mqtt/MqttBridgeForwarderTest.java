package io.realtimeagents.agent.internal.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;

class MqttBridgeForwarderTest {
    @Test
    void errorsThatRetryingCannotFix_areToldApartFromPassingOnes() {
        assertThat(MqttBridgeForwarder.canNeverSucceed(new RecordTooLargeException("too large")))
                .isTrue();
        assertThat(MqttBridgeForwarder.canNeverSucceed(new TopicAuthorizationException(Set.of("vitals"))))
                .isTrue();
        assertThat(MqttBridgeForwarder.canNeverSucceed(new InvalidTopicException("bad name")))
                .isTrue();
        assertThat(MqttBridgeForwarder.canNeverSucceed(new UnknownTopicOrPartitionException("no such topic")))
                .isTrue();
        assertThat(MqttBridgeForwarder.canNeverSucceed(
                        new TimeoutException("Topic vitals not present in metadata after 60000 ms.")))
                .as("a missing topic with auto-creation off")
                .isTrue();

        assertThat(MqttBridgeForwarder.canNeverSucceed(
                        new TimeoutException("Expiring 3 record(s) for vitals-0: 120000 ms has passed")))
                .as("brokers unreachable")
                .isFalse();
        assertThat(MqttBridgeForwarder.canNeverSucceed(new NotEnoughReplicasException("replicas")))
                .isFalse();
        assertThat(MqttBridgeForwarder.canNeverSucceed(new IllegalStateException("producer closed")))
                .isFalse();
    }
}
