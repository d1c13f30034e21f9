package io.realtimeagents.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.realtimeagents.common.ConfigurationException;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.testkit.Await;
import io.realtimeagents.testkit.KafkaBroker;
import io.realtimeagents.testkit.KafkaTestClient;
import io.realtimeagents.testkit.TestAgent;
import io.realtimeagents.testkit.WithKafka;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Kafka topics named in code with {@code subscribeKafka}, beside or instead of {@code STREAMING_TOPICS}. */
@WithKafka
class KafkaSubscriptionIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    record Reading(String patientId, int bpm) {}

    /** Consumes the topics it is given in code: the first typed by the code, the second by its records. */
    static final class SubscribingAgent extends RealtimeAgent {
        final List<String> seen = new CopyOnWriteArrayList<>();
        private final String untyped;
        private final String typed;

        SubscribingAgent(String untyped, String typed) {
            this.untyped = untyped;
            this.typed = typed;
        }

        @Override
        protected void initialize() {
            subscribeKafka(untyped, "heart_rate");
            subscribeKafka(typed, null);
            onMessage("heart_rate", Reading.class, (reading, context) -> seen.add("heart_rate " + reading.bpm()));
            onMessage("other_type", Reading.class, (reading, context) -> seen.add("other_type " + reading.bpm()));
        }
    }

    @Test
    void topicsSubscribedInCode_areConsumed_typedByTheCodeUnlessTheRecordOrTheConfigurationSaysOtherwise(
            KafkaBroker broker, KafkaTestClient client) {
        String untyped = client.uniqueTopic("code-untyped", 2);
        String typed = client.uniqueTopic("code-typed", 2);
        String configured = client.uniqueTopic("configured", 1);
        try (TestAgent<SubscribingAgent> running = TestAgent.start(
                () -> new SubscribingAgent(untyped, typed),
                broker,
                c -> c.streamingTopics(configured).topicMessageType(configured, "heart_rate"))) {
            SubscribingAgent agent = running.agent();
            client.produce(untyped, "p1", "{\"patient_id\":\"p1\",\"bpm\":101}");
            client.produce(typed, "p1", "{\"patient_id\":\"p1\",\"bpm\":102}", Map.of("message_type", "other_type"));
            client.produce(configured, "p1", "{\"patient_id\":\"p1\",\"bpm\":103}");

            Await.await(TIMEOUT, "three readings handled", () -> agent.seen.size() == 3);
            assertThat(agent.seen).containsExactlyInAnyOrder("heart_rate 101", "other_type 102", "heart_rate 103");
            assertThat(running.http()
                            .get("/realtime/status")
                            .json()
                            .get("active_streams")
                            .toString())
                    .contains(configured, untyped, typed);
        }
    }

    @Test
    void theConfigurationsTypeOfATopic_winsOverTheCodes(KafkaBroker broker, KafkaTestClient client) {
        String untyped = client.uniqueTopic("remapped", 1);
        String unused = client.uniqueTopic("unused", 1);
        try (TestAgent<SubscribingAgent> running = TestAgent.start(
                () -> new SubscribingAgent(untyped, unused), broker, c -> c.topicMessageType(untyped, "other_type"))) {
            SubscribingAgent agent = running.agent();
            client.produce(untyped, "p1", "{\"patient_id\":\"p1\",\"bpm\":104}");
            Await.await(TIMEOUT, "the reading handled", () -> !agent.seen.isEmpty());
            assertThat(agent.seen).containsExactly("other_type 104");
        }
    }

    @Test
    void aSubscriptionWithKafkaDisabled_failsTheStartNamingTheSetting(KafkaBroker broker) {
        assertThatThrownBy(() -> TestAgent.start(
                        () -> new SubscribingAgent("vitals", "typed"),
                        broker,
                        c -> c.set(AgentSettings.REALTIME_ENABLED, false)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("vitals")
                .hasMessageContaining("REALTIME_ENABLED=false");
    }
}
