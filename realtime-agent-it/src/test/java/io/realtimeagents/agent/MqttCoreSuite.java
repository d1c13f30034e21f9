package io.realtimeagents.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.realtimeagents.agent.support.MqttTestAgents;
import io.realtimeagents.agent.support.TestAgents;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.common.handler.MessageContext;
import io.realtimeagents.common.handler.MqttContext;
import io.realtimeagents.testkit.Await;
import io.realtimeagents.testkit.HttpTestClient;
import io.realtimeagents.testkit.KafkaBroker;
import io.realtimeagents.testkit.KafkaTestClient;
import io.realtimeagents.testkit.MqttBroker;
import io.realtimeagents.testkit.MqttTestClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MQTT behaviour every broker must support, run against the embedded HiveMQ ({@code MqttHiveMqIT}) and, when one
 * is reachable, a Mosquitto ({@code MqttMosquittoIT}): typed handlers with wildcards and named segments, dead
 * letters, offline QoS 1 delivery, shared subscriptions and the bridge to Kafka.
 */
@SuppressWarnings("try") // agents run for the duration of try blocks that need no reference to them
abstract class MqttCoreSuite {
    private static final Logger LOG = LoggerFactory.getLogger(MqttCoreSuite.class);
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    record BloodPressure(String patientId, int systolic) {}

    record HeartRate(int beatsPerMinute) {}

    record Reading(int seq) {}

    record Handled(String messageType, Object payload, String topic, Map<String, String> variables, int qos) {}

    /** The broker under test. */
    abstract MqttBroker mqtt();

    /**
     * Whether the broker delivers QoS 1 messages of shared subscriptions reliably. When it does not, the suite
     * subscribes unshared and skips the shared-subscription test.
     */
    abstract boolean sharedSubscriptionsReliable();

    static final class VitalsAgent extends RealtimeAgent {
        final List<Handled> handled = new CopyOnWriteArrayList<>();
        final List<MessageContext> contexts = new CopyOnWriteArrayList<>();
        private final String prefix;

        VitalsAgent(String prefix) {
            this.prefix = prefix;
        }

        @Override
        protected void initialize() {
            onMessage("blood_pressure", BloodPressure.class, (reading, context) -> {
                if (reading.systolic() < 0) {
                    throw new IllegalArgumentException("negative systolic pressure " + reading.systolic());
                }
                record(reading, context);
            });
            onMessage("heart_rate", HeartRate.class, this::record);
            onMessage("note", JsonNode.class, this::record);
            onMessage("reading", Reading.class, this::record);
            if (prefix != null) {
                subscribeMqtt(prefix + "/devices/{patient}/vitals/blood_pressure", "blood_pressure", 1);
            }
        }

        private void record(Object payload, MessageContext context) {
            contexts.add(context);
            handled.add(new Handled(
                    context.messageType(),
                    payload,
                    context.topic(),
                    context.topicVariables(),
                    ((MqttContext) context).qos()));
        }

        Set<Integer> seqs() {
            return handled.stream()
                    .filter(h -> h.payload() instanceof Reading)
                    .map(h -> ((Reading) h.payload()).seq())
                    .collect(Collectors.toSet());
        }
    }

    private AgentConfig.Builder config(KafkaBroker kafka, KafkaTestClient client, String prefix) {
        return unlessShared(MqttTestAgents.config(kafka, mqtt(), prefix, client.uniqueTopic("mqtt-dlq", 1)));
    }

    /** The default (shared) subscriptions where the broker handles them reliably, unshared otherwise. */
    private AgentConfig.Builder unlessShared(AgentConfig.Builder builder) {
        return sharedSubscriptionsReliable() ? builder : builder.set(AgentSettings.MQTT_SHARED_GROUP, "none");
    }

    @Test
    void wildcardsAndNamedSegments_reachTheRightHandler_withTypedPayloads(KafkaBroker kafka, KafkaTestClient client) {
        String p = MqttTestClient.uniqueTopic("typed");
        AgentConfig config = config(kafka, client, "mqtt-typed")
                .mqttSubscription(p + "/devices/{patient}/heart/#=heart_rate")
                .mqttSubscription(p + "/notes/+@2")
                .build();
        VitalsAgent agent = new VitalsAgent(p);
        try (RunningAgent running = TestAgents.start(agent, config);
                MqttTestClient devices = MqttTestClient.connect(mqtt())) {
            devices.publish(p + "/devices/p1/vitals/blood_pressure", "{\"patient_id\":\"p1\",\"systolic\":120}", 1);
            devices.publish(p + "/devices/p2/heart/rate/now", "{\"beats_per_minute\":80}", 1);
            devices.publish(
                    p + "/notes/n1",
                    "{\"text\":\"from a user property\"}".getBytes(StandardCharsets.UTF_8),
                    1,
                    Map.of("message_type", "note", "source", "ward-3"));
            devices.publish(p + "/notes/n2", "{\"message_type\":\"note\",\"payload\":{\"text\":\"envelope\"}}", 2);
            devices.publish(p + "/unrelated/x", "{\"ignored\":true}", 1);

            try {
                Await.await(TIMEOUT, "four messages handled", () -> agent.handled.size() >= 4);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + " Handled: " + agent.handled, e);
            }
            Map<String, Handled> byTopic =
                    agent.handled.stream().collect(Collectors.toMap(Handled::topic, h -> h, (a, b) -> a));
            assertThat(byTopic.get(p + "/devices/p1/vitals/blood_pressure"))
                    .isEqualTo(new Handled(
                            "blood_pressure",
                            new BloodPressure("p1", 120),
                            p + "/devices/p1/vitals/blood_pressure",
                            Map.of("patient", "p1"),
                            1));
            assertThat(byTopic.get(p + "/devices/p2/heart/rate/now"))
                    .isEqualTo(new Handled(
                            "heart_rate",
                            new HeartRate(80),
                            p + "/devices/p2/heart/rate/now",
                            Map.of("patient", "p2"),
                            1));
            assertThat(((JsonNode) byTopic.get(p + "/notes/n1").payload())
                            .get("text")
                            .asText())
                    .isEqualTo("from a user property");
            assertThat(((JsonNode) byTopic.get(p + "/notes/n2").payload())
                            .get("text")
                            .asText())
                    .isEqualTo("envelope");
            // A QoS 2 subscription is received at QoS 1, acknowledged after the handler (see MqttRoutes).
            assertThat(byTopic.get(p + "/notes/n2").qos()).isEqualTo(1);
            MessageContext noteContext = agent.contexts.stream()
                    .filter(c -> c.topic().equals(p + "/notes/n1"))
                    .findFirst()
                    .orElseThrow();
            assertThat(noteContext.header("source")).isEqualTo("ward-3");
            assertThat(noteContext).as("an MQTT message has an MQTT context").isInstanceOf(MqttContext.class);
            assertThat(agent.handled).hasSize(4);

            JsonNode health = HttpTestClient.of(running.url()).get("/health").json();
            assertThat(health.get("mqtt").get("connected").asBoolean()).isTrue();
            JsonNode status =
                    HttpTestClient.of(running.url()).get("/realtime/status").json();
            assertThat(status.get("mqtt").get("subscriptions").toString())
                    .contains(p + "/devices/{patient}/vitals/blood_pressure", "\"message_type\":\"blood_pressure\"");
            assertThat(HttpTestClient.of(running.url()).get("/health/ready").status())
                    .isEqualTo(200);
        }
    }

    @Test
    void publishMqtt_completesOnceTheBrokerAcknowledged_andSubscribersReceiveIt(
            KafkaBroker kafka, KafkaTestClient client) throws Exception {
        String p = MqttTestClient.uniqueTopic("publish");
        VitalsAgent agent = new VitalsAgent(null);
        try (RunningAgent running = TestAgents.start(
                        agent, config(kafka, client, "mqtt-publish").build());
                MqttTestClient ward = MqttTestClient.connect(mqtt())) {
            ward.subscribe(p + "/alerts/#", 1);

            agent.publishMqtt(p + "/alerts/p1", new BloodPressure("p1", 190))
                    .toCompletableFuture()
                    .get(TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            agent.publishMqtt(p + "/alerts/p2", "plain text", 0, false)
                    .toCompletableFuture()
                    .get(TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);

            List<MqttTestClient.Received> received = ward.awaitMessages(m -> true, 2, TIMEOUT);
            assertThat(received)
                    .extracting(MqttTestClient.Received::topic, MqttTestClient.Received::payload)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(
                                    p + "/alerts/p1", "{\"patient_id\":\"p1\",\"systolic\":190}"),
                            org.assertj.core.groups.Tuple.tuple(p + "/alerts/p2", "plain text"));
            assertThat(received)
                    .as("the short form publishes at QoS 1")
                    .filteredOn(message -> message.topic().endsWith("/p1"))
                    .extracting(MqttTestClient.Received::qos)
                    .containsExactly(1);
        }
    }

    @Test
    void malformedAndFailingMessages_goToTheDeadLetterTopic_andTheSubscriptionContinues(
            KafkaBroker kafka, KafkaTestClient client) {
        String p = MqttTestClient.uniqueTopic("dlq");
        String deadLetters = client.uniqueTopic("mqtt-dlq", 1);
        AgentConfig config =
                MqttTestAgents.config(kafka, mqtt(), "mqtt-dlq", deadLetters).build();
        VitalsAgent agent = new VitalsAgent(p);
        String topic = p + "/devices/p7/vitals/blood_pressure";
        try (RunningAgent running = TestAgents.start(agent, config);
                MqttTestClient devices = MqttTestClient.connect(mqtt())) {
            devices.publish(topic, "not json {", 1);
            devices.publish(topic, "{\"patient_id\":\"p7\",\"systolic\":-1}", 1);
            devices.publish(topic, "{\"patient_id\":\"p7\",\"systolic\":130}", 1);

            Await.await(TIMEOUT, "the valid message handled", () -> !agent.handled.isEmpty());
            List<ConsumerRecord<String, String>> letters = client.awaitRecords(deadLetters, r -> true, 2, TIMEOUT);
            ConsumerRecord<String, String> malformed = letters.get(0);
            assertThat(malformed.value()).isEqualTo("not json {");
            assertThat(KafkaTestClient.header(malformed, DeadLetterHeaders.REASON))
                    .isEqualTo(DeadLetterHeaders.REASON_DECODE);
            assertThat(KafkaTestClient.header(malformed, DeadLetterHeaders.ORIGINAL_TOPIC))
                    .isEqualTo(topic);
            assertThat(KafkaTestClient.header(malformed, DeadLetterHeaders.ORIGINAL_TRANSPORT))
                    .isEqualTo("mqtt");
            assertThat(KafkaTestClient.header(malformed, DeadLetterHeaders.ORIGINAL_QOS))
                    .isEqualTo("1");
            assertThat(KafkaTestClient.header(malformed, DeadLetterHeaders.ORIGINAL_SUBSCRIPTION))
                    .isEqualTo(p + "/devices/{patient}/vitals/blood_pressure");
            ConsumerRecord<String, String> failed = letters.get(1);
            assertThat(KafkaTestClient.header(failed, DeadLetterHeaders.REASON))
                    .isEqualTo(DeadLetterHeaders.REASON_HANDLER);
            assertThat(KafkaTestClient.header(failed, DeadLetterHeaders.ATTEMPTS))
                    .isEqualTo("3");
            assertThat(KafkaTestClient.header(failed, DeadLetterHeaders.ERROR_MESSAGE))
                    .isEqualTo("negative systolic pressure -1");
            assertThat(KafkaTestClient.header(failed, DeadLetterHeaders.MESSAGE_TYPE))
                    .isEqualTo("blood_pressure");
            assertThat(agent.handled).extracting(Handled::payload).containsExactly(new BloodPressure("p7", 130));
            assertThat(running.config().get(AgentSettings.MQTT_DEAD_LETTER_TOPIC))
                    .isEqualTo(deadLetters);
        }
    }

    @Test
    void qos1MessagesPublishedWhileTheAgentIsStopped_areAllHandledWhenItStartsAgain(
            KafkaBroker kafka, KafkaTestClient client) {
        String p = MqttTestClient.uniqueTopic("offline");
        AgentConfig config = config(kafka, client, "mqtt-offline")
                .mqttSubscription(p + "/readings/+=reading@1")
                .build();
        int count = 300;
        try (RunningAgent first = TestAgents.start(new VitalsAgent(null), config)) {
            assertThat(HttpTestClient.of(first.url()).get("/health/ready").status())
                    .isEqualTo(200);
        }
        try (MqttTestClient devices = MqttTestClient.connect(mqtt())) {
            for (int i = 0; i < count; i++) {
                devices.publish(p + "/readings/r" + (i % 3), "{\"seq\":" + i + "}", 1);
            }
        }
        VitalsAgent second = new VitalsAgent(null);
        long start = System.nanoTime();
        try (RunningAgent running = TestAgents.start(second, config)) {
            Await.await(
                    TIMEOUT, count + " readings handled", () -> second.seqs().size() == count);
            LOG.info(
                    "Offline queue: {} QoS 1 messages handled {} ms after the agent's start began",
                    count,
                    (System.nanoTime() - start) / 1_000_000);
        }
        assertThat(second.seqs()).isEqualTo(IntStream.range(0, count).boxed().collect(Collectors.toSet()));
    }

    @Test
    void twoInstancesOnASharedSubscription_splitTheMessages_withNoneHandledByBoth(
            KafkaBroker kafka, KafkaTestClient client) {
        assumeTrue(
                sharedSubscriptionsReliable(),
                "this broker stalls QoS 1 shared subscriptions (HiveMQ CE issue 558): the shared-subscription test runs"
                        + " against Mosquitto (REALTIME_AGENTS_TEST_MOSQUITTO)");
        String p = MqttTestClient.uniqueTopic("shared");
        AgentConfig.Builder builder =
                config(kafka, client, "mqtt-shared").mqttSubscription(p + "/readings/+=reading@1");
        AgentConfig first = builder.build();
        AgentConfig second = builder.set(AgentSettings.MQTT_CLIENT_ID, TestAgents.uniqueName("mqtt-shared-client"))
                .build();
        VitalsAgent a = new VitalsAgent(null);
        VitalsAgent b = new VitalsAgent(null);
        int count = 400;
        try (RunningAgent runningA = TestAgents.start(a, first);
                RunningAgent runningB = TestAgents.start(b, second);
                MqttTestClient devices = MqttTestClient.connect(mqtt())) {
            for (int i = 0; i < count; i++) {
                devices.publish(p + "/readings/r" + (i % 8), "{\"seq\":" + i + "}", 1);
            }
            Await.await(
                    TIMEOUT,
                    count + " readings handled by the two",
                    () -> a.handled.size() + b.handled.size() >= count);
            Set<Integer> both = new HashSet<>(a.seqs());
            both.retainAll(b.seqs());
            Set<Integer> all = new HashSet<>(a.seqs());
            all.addAll(b.seqs());
            assertThat(both).as("handled by both").isEmpty();
            assertThat(all).hasSize(count);
            assertThat(a.handled.size() + b.handled.size()).isEqualTo(count);
            assertThat(a.handled).isNotEmpty();
            assertThat(b.handled).isNotEmpty();
            LOG.info("Shared subscription split {} messages {} / {}", count, a.handled.size(), b.handled.size());
        }
    }

    @Test
    void bridge_turnsEveryMqttMessageIntoAKafkaRecord_withItsKey_inPerKeyOrder(
            KafkaBroker kafka, KafkaTestClient client) {
        String p = MqttTestClient.uniqueTopic("bridge");
        String vitals = client.uniqueTopic("health.vitals", 4);
        AgentConfig config = config(kafka, client, "mqtt-bridge")
                .mqttBridge(p + "/devices/{patient}/vitals/#=" + vitals + ":patient")
                .build();
        int patients = 4;
        int perPatient = 150;
        try (RunningAgent running = TestAgents.start(new VitalsAgent(null), config);
                MqttTestClient devices = MqttTestClient.connect(mqtt())) {
            long start = System.nanoTime();
            List<String> payloads = IntStream.range(0, perPatient)
                    .mapToObj(i -> "{\"seq\":" + i + "}")
                    .toList();
            for (int k = 0; k < patients; k++) {
                devices.publishAll(p + "/devices/p" + k + "/vitals/heart_rate", payloads, 1);
            }
            List<ConsumerRecord<String, String>> records =
                    client.awaitRecords(vitals, r -> true, patients * perPatient, TIMEOUT);
            double seconds = (System.nanoTime() - start) / 1e9;
            LOG.info(
                    "Bridged {} MQTT messages to Kafka in {} s ({} msg/s)",
                    records.size(),
                    String.format("%.2f", seconds),
                    Math.round(records.size() / seconds));
            assertThat(records).hasSize(patients * perPatient);
            for (int k = 0; k < patients; k++) {
                String key = "p" + k;
                List<String> values = records.stream()
                        .filter(r -> key.equals(r.key()))
                        .map(ConsumerRecord::value)
                        .toList();
                assertThat(values).as("records of key %s, in order", key).isEqualTo(payloads);
            }
            ConsumerRecord<String, String> first = records.get(0);
            assertThat(KafkaTestClient.header(first, MqttHeaders.TOPIC)).startsWith(p + "/devices/p");
            assertThat(KafkaTestClient.header(first, MqttHeaders.QOS)).isEqualTo("1");
        }
    }

    /** Handles readings; the one with seq 13 throws a StackOverflowError, as a runaway recursion would. */
    static final class OverflowingAgent extends RealtimeAgent {
        final Set<Integer> seqs = java.util.concurrent.ConcurrentHashMap.newKeySet();

        @Override
        protected void initialize() {
            onMessage("reading", Reading.class, (reading, context) -> {
                if (reading.seq() == 13) {
                    throw new StackOverflowError("runaway recursion on reading 13");
                }
                seqs.add(reading.seq());
            });
        }
    }

    @Test
    void anErrorEscapingTheHandling_deadLettersTheMessageAsInternalError_andTheLaneGoesOn(
            KafkaBroker kafka, KafkaTestClient client) {
        String topic = MqttTestClient.uniqueTopic("lane-error") + "/readings/r0";
        String deadLetters = client.uniqueTopic("mqtt-dlq", 1);
        AgentConfig config = unlessShared(MqttTestAgents.config(kafka, mqtt(), "mqtt-lane-error", deadLetters))
                .set(AgentSettings.MQTT_WORKERS, 1) // one lane: an error that ended it would stop everything
                .mqttSubscription(topic + "=reading@1")
                .build();
        OverflowingAgent agent = new OverflowingAgent();
        try (RunningAgent running = TestAgents.start(agent, config);
                MqttTestClient devices = MqttTestClient.connect(mqtt())) {
            for (int seq : new int[] {12, 13, 14}) {
                devices.publish(topic, "{\"seq\":" + seq + "}", 1);
            }
            Await.await(TIMEOUT, "the readings around the failing one handled", () -> agent.seqs.size() == 2);
            ConsumerRecord<String, String> letter =
                    client.awaitRecords(deadLetters, r -> true, 1, TIMEOUT).get(0);
            assertThat(letter.value()).isEqualTo("{\"seq\":13}");
            assertThat(KafkaTestClient.header(letter, DeadLetterHeaders.REASON))
                    .isEqualTo(DeadLetterHeaders.REASON_INTERNAL);
            assertThat(KafkaTestClient.header(letter, DeadLetterHeaders.ERROR_CLASS))
                    .isEqualTo(StackOverflowError.class.getName());
            assertThat(KafkaTestClient.header(letter, DeadLetterHeaders.ERROR_MESSAGE))
                    .isEqualTo("runaway recursion on reading 13");
            assertThat(agent.seqs).containsExactlyInAnyOrder(12, 14);
            Await.await(
                    TIMEOUT,
                    "every message acknowledged",
                    () -> HttpTestClient.of(running.url())
                                    .get("/realtime/status")
                                    .json()
                                    .get("mqtt")
                                    .get("unacknowledged")
                                    .asInt()
                            == 0);
        }
    }

    @Test
    void filtersRemovedFromTheConfiguration_areUnsubscribedAtStart_andWhatTheyStillDeliveredIsDeadLetteredAsNoRoute(
            KafkaBroker kafka, KafkaTestClient client) throws Exception {
        String p = MqttTestClient.uniqueTopic("removed");
        String kept = p + "/kept/+";
        String removed = p + "/removed/+";
        String deadLetters = client.uniqueTopic("mqtt-dlq", 1);
        AgentConfig before = MqttTestAgents.config(kafka, mqtt(), "mqtt-removed", deadLetters)
                .set(AgentSettings.MQTT_SHARED_GROUP, "none") // offline queueing of shared subscriptions varies
                .mqttSubscription(kept + "=reading@1")
                .mqttSubscription(removed + "=reading@1")
                .build();
        AgentConfig after = MqttTestAgents.config(kafka, mqtt(), "mqtt-removed", deadLetters)
                .serviceName(before.serviceName())
                .set(AgentSettings.MQTT_CLIENT_ID, before.mqttClientId())
                .set(AgentSettings.MQTT_SHARED_GROUP, "none")
                .set(AgentSettings.MQTT_WORKERS, 1) // one lane, in arrival order: see the marker below
                .mqttSubscription(kept + "=reading@1")
                .build();
        try (RunningAgent first = TestAgents.start(new VitalsAgent(null), before)) {
            assertThat(HttpTestClient.of(first.url()).get("/health/ready").status())
                    .isEqualTo(200);
        }
        try (MqttTestClient devices = MqttTestClient.connect(mqtt())) {
            devices.publish(p + "/removed/r1", "{\"seq\":100}", 1); // queued in the session while the agent is away
        }
        VitalsAgent agent = new VitalsAgent(null);
        try (RunningAgent running = TestAgents.start(agent, after);
                MqttTestClient devices = MqttTestClient.connect(mqtt())) {
            ConsumerRecord<String, String> letter =
                    client.awaitRecords(deadLetters, r -> true, 1, TIMEOUT).get(0);
            assertThat(letter.value()).isEqualTo("{\"seq\":100}");
            assertThat(KafkaTestClient.header(letter, DeadLetterHeaders.REASON))
                    .isEqualTo(DeadLetterHeaders.REASON_NO_ROUTE);
            assertThat(KafkaTestClient.header(letter, DeadLetterHeaders.ORIGINAL_TOPIC))
                    .isEqualTo(p + "/removed/r1");
            assertThat(KafkaTestClient.header(letter, DeadLetterHeaders.ORIGINAL_SUBSCRIPTION))
                    .isNull();

            devices.publish(p + "/removed/r2", "{\"seq\":101}", 1);
            devices.publish(p + "/kept/r1", "{\"seq\":1}", 1);
            // Had the removed filter still been subscribed, seq 101 would have arrived before the marker, on the
            // same lane, and been dead-lettered before the marker was handled.
            Await.await(
                    TIMEOUT,
                    "the marker on the kept filter handled",
                    () -> agent.seqs().contains(1));
            assertThat(client.endOffset(deadLetters)).as("dead letters").isEqualTo(1);
            assertThat(agent.seqs()).containsExactly(1);
        }
    }

    private static String createTopic(KafkaTestClient client, String prefix, int maxMessageBytes) throws Exception {
        String topic = TestAgents.uniqueName(prefix);
        client.admin()
                .createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(topic, 1, (short) 1)
                        .configs(Map.of("max.message.bytes", Integer.toString(maxMessageBytes)))))
                .all()
                .get();
        return topic;
    }

    @Test
    void bridgedMessageKafkaRefusesForGood_isDeadLetteredAfterBoundedRetries_andTheMessagesAfterItFlow(
            KafkaBroker kafka, KafkaTestClient client) throws Exception {
        String p = MqttTestClient.uniqueTopic("bridge-refused");
        String vitals = createTopic(client, "bridge-refused", 1500);
        String deadLetters = createTopic(client, "bridge-refused-dlq", 4000);
        AgentConfig config = unlessShared(MqttTestAgents.config(kafka, mqtt(), "mqtt-bridge-refused", deadLetters))
                .mqttBridge(p + "/devices/{patient}/vitals/#=" + vitals + ":patient")
                .build();
        String large = "{\"seq\":1,\"pad\":\"" + "x".repeat(2000) + "\"}"; // too large for the topic, not its DLQ
        String huge = "{\"seq\":3,\"pad\":\"" + "y".repeat(6000) + "\"}"; // too large for both
        String topic = p + "/devices/p1/vitals/hr";
        try (RunningAgent running = TestAgents.start(new VitalsAgent(null), config);
                MqttTestClient devices = MqttTestClient.connect(mqtt())) {
            devices.publishAll(topic, List.of("{\"seq\":0}", large, "{\"seq\":2}", huge, "{\"seq\":4}"), 1);

            client.awaitRecords(vitals, r -> r.value().equals("{\"seq\":4}"), 1, TIMEOUT);
            List<String> all = client.consume(vitals, (int) client.endOffset(vitals), TIMEOUT).stream()
                    .map(ConsumerRecord::value)
                    .distinct()
                    .toList();
            assertThat(all).containsExactly("{\"seq\":0}", "{\"seq\":2}", "{\"seq\":4}");
            List<ConsumerRecord<String, String>> letters = client.awaitRecords(deadLetters, r -> true, 2, TIMEOUT);
            ConsumerRecord<String, String> tooLarge = letters.get(0);
            assertThat(tooLarge.value()).isEqualTo(large);
            assertThat(tooLarge.key()).isEqualTo("p1");
            assertThat(KafkaTestClient.header(tooLarge, DeadLetterHeaders.REASON))
                    .isEqualTo(DeadLetterHeaders.REASON_BRIDGE);
            assertThat(KafkaTestClient.header(tooLarge, DeadLetterHeaders.BRIDGE_TOPIC))
                    .isEqualTo(vitals);
            assertThat(KafkaTestClient.header(tooLarge, DeadLetterHeaders.ERROR_CLASS))
                    .isEqualTo(org.apache.kafka.common.errors.RecordTooLargeException.class.getName());
            assertThat(KafkaTestClient.header(tooLarge, DeadLetterHeaders.ATTEMPTS))
                    .as("HANDLER_MAX_RETRIES=2")
                    .isEqualTo("3");
            assertThat(KafkaTestClient.header(tooLarge, DeadLetterHeaders.ORIGINAL_TOPIC))
                    .isEqualTo(topic);
            assertThat(KafkaTestClient.header(tooLarge, DeadLetterHeaders.PAYLOAD_OMITTED))
                    .isNull();
            ConsumerRecord<String, String> omitted = letters.get(1);
            assertThat(omitted.value()).isNull();
            assertThat(KafkaTestClient.header(omitted, DeadLetterHeaders.PAYLOAD_OMITTED))
                    .isEqualTo(Integer.toString(huge.length()));
            assertThat(KafkaTestClient.header(omitted, DeadLetterHeaders.REASON))
                    .isEqualTo(DeadLetterHeaders.REASON_BRIDGE);
            assertThat(KafkaTestClient.header(omitted, DeadLetterHeaders.ORIGINAL_TOPIC))
                    .isEqualTo(topic);
        }
    }

    @Test
    void readiness_namesTheMqttIntake_whileAMessageStaysUnacknowledgedLongerThanTheBound(
            KafkaBroker kafka, KafkaTestClient client) throws Exception {
        String topic = MqttTestClient.uniqueTopic("unacked") + "/readings/r0";
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        RealtimeAgent stuck = new RealtimeAgent() {
            @Override
            protected void initialize() {
                onMessage("reading", Reading.class, (reading, context) -> release.await());
            }
        };
        AgentConfig config = config(kafka, client, "mqtt-unacked")
                .set(AgentSettings.MQTT_MAX_UNACKED_AGE, Duration.ofSeconds(1))
                .mqttSubscription(topic + "=reading@1")
                .build();
        try (RunningAgent running = TestAgents.start(stuck, config);
                MqttTestClient devices = MqttTestClient.connect(mqtt())) {
            assertThat(HttpTestClient.of(running.url()).get("/health/ready").status())
                    .isEqualTo(200);
            devices.publish(topic, "{\"seq\":0}", 1);
            devices.publish(topic, "{\"seq\":1}", 1);

            Await.await(
                    TIMEOUT,
                    "not ready while the handler is stuck",
                    () -> HttpTestClient.of(running.url()).get("/health/ready").status() == 503);
            String problems = HttpTestClient.of(running.url())
                    .get("/health/ready")
                    .json()
                    .get("problems")
                    .toString();
            assertThat(problems).contains("MQTT intake", topic, "MQTT_MAX_UNACKED_AGE=1s");
            release.countDown();
            Await.await(
                    TIMEOUT,
                    "ready again once the handler returned",
                    () -> HttpTestClient.of(running.url()).get("/health/ready").status() == 200);
        }
    }
}
