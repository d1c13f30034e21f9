package io.realtimeagents.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

@WithKafka
class KafkaBrokerExtensionTest {
    private static KafkaTestClient clientOfFinishedTest;

    private final KafkaBroker constructorBroker;

    KafkaBrokerExtensionTest(KafkaBroker broker) {
        this.constructorBroker = broker;
    }

    @Test
    void injects_theSharedBrokerIntoConstructorAndMethods(KafkaBroker broker) {
        assertThat(broker).isSameAs(KafkaBrokers.shared()).isSameAs(constructorBroker);
    }

    @Test
    void injects_aWorkingClientOfTheSharedBrokerPerParameter(KafkaTestClient first, KafkaTestClient second) {
        clientOfFinishedTest = first;

        assertThat(first).isNotSameAs(second);
        assertThat(first.broker()).isSameAs(KafkaBrokers.shared());
        String topic = first.uniqueTopic("injected", 1);
        first.produce(topic, "k", "v");
        assertThat(second.consume(topic, 1, Duration.ofSeconds(10))).hasSize(1);
    }

    @AfterAll
    static void clientsOfATestAreClosedAfterIt() {
        assertThat(clientOfFinishedTest).as("the client test ran").isNotNull();
        assertThatThrownBy(() -> clientOfFinishedTest.admin())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is closed");
    }
}
