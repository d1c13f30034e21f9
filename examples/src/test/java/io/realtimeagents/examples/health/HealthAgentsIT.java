package io.realtimeagents.examples.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.realtimeagents.agent.DeadLetterHeaders;
import io.realtimeagents.agent.RunningAgent;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.common.json.Json;
import io.realtimeagents.common.model.HealthDataModel;
import io.realtimeagents.testkit.Await;
import io.realtimeagents.testkit.KafkaBroker;
import io.realtimeagents.testkit.KafkaTestClient;
import io.realtimeagents.testkit.LiveMessages;
import io.realtimeagents.testkit.MqttBroker;
import io.realtimeagents.testkit.MqttTestClient;
import io.realtimeagents.testkit.SseTestClient;
import io.realtimeagents.testkit.WithKafka;
import io.realtimeagents.testkit.WithMqtt;
import io.realtimeagents.testkit.WsTestClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The health agents end to end on real brokers: readings published over MQTT, bridged to Kafka by the gateway,
 * handled by the health agent, whose alerts arrive on Kafka, SSE and WebSocket.
 */
@WithKafka
@WithMqtt
class HealthAgentsIT {
    private static final Duration DEADLINE = Duration.ofSeconds(45);
    private static final Instant START = Instant.parse("2025-03-01T10:00:00Z");
    private static final String DEAD_LETTERS = HealthAgent.VITALS_TOPIC + ".dlq";

    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    private static RunningAgent processing;
    private static RunningAgent gateway;
    private static String processingGroup;
    private static AgentConfig processingConfig;

    @BeforeAll
    static void startAgents(KafkaBroker kafka, MqttBroker mqtt) {
        kafka.createTopic(HealthAgent.VITALS_TOPIC, 3);
        kafka.createTopic(HealthAgent.ALERTS_TOPIC, 3);
        String liveTopic = "health-it-live-" + RUN;
        String eventsTopic = "health-it-events-" + RUN;
        processingGroup = "health-agent-it-" + RUN;
        processingConfig = AgentConfig.builder()
                .serviceName(processingGroup)
                .kafkaBootstrapServers(kafka.bootstrapServers())
                .streamingTopics(HealthAgent.VITALS_TOPIC)
                .eventsTopic(eventsTopic)
                .set(AgentSettings.KAFKA_LIVE_TOPIC, liveTopic)
                .set(AgentSettings.KAFKA_COMMIT_INTERVAL, Duration.ofMillis(100))
                .httpPort(0)
                .build();
        processing = HealthAgent.app().config(processingConfig).start();
        AgentConfig.Builder gatewayConfig = AgentConfig.builder()
                .serviceName("vitals-gateway-it-" + RUN)
                .kafkaBootstrapServers(kafka.bootstrapServers())
                .eventsTopic(eventsTopic)
                .set(AgentSettings.KAFKA_LIVE_TOPIC, liveTopic)
                .mqttBroker(mqtt.host(), mqtt.port())
                .set(AgentSettings.MQTT_CLIENT_ID, "vitals-gateway-it-" + RUN)
                .set(AgentSettings.MQTT_SHARED_GROUP, "none")
                .set(AgentSettings.MQTT_SESSION_EXPIRY, Duration.ZERO)
                .httpPort(0);
        gateway = VitalsGatewayAgent.app()
                .config(VitalsGatewayAgent.bridgeVitals(gatewayConfig).build())
                .start();
    }

    @AfterAll
    static void stopAgents() {
        if (gateway != null) {
            gateway.close();
        }
        if (processing != null) {
            processing.close();
        }
    }

    @Test
    void sustainedEpisodes_giveOneAlertEachOnKafkaSseAndWebSocket_inPerPatientOrder(
            MqttTestClient devices, KafkaTestClient kafka) throws Exception {
        String tachycardic = patient("tachy");
        String hypoxemic = patient("hypox");
        String healthy = patient("well");
        Map<String, List<HealthDataModel>> published = Map.of(
                tachycardic, heartRates(tachycardic, 72, 75, 118, 124, 127, 122, 126, 125, 121, 119, 84, 80, 78, 76),
                hypoxemic, saturations(hypoxemic, 97, 96, 90, 89, 88, 90, 91, 89, 97, 98, 97, 97),
                healthy, heartRates(healthy, 66, 68, 70, 67, 69));

        try (SseTestClient sse = SseTestClient.open(url("/stream/events?topics=health_events,alerts"));
                WsTestClient ws =
                        WsTestClient.connect(URI.create("ws://localhost:" + processing.port() + "/ws/health"))) {
            assertThat(sse.status()).as("the SSE stream's status").isEqualTo(200);
            awaitSubscribers(2);
            publishInterleaved(devices, published);

            int readings = published.values().stream().mapToInt(List::size).sum();
            Await.await(
                    DEADLINE,
                    "every reading bridged to Kafka and handled",
                    () -> ours(sse.broadcasts(HealthAgent.READINGS_LIVE_TOPIC)).size() >= readings);
            Await.await(
                    DEADLINE,
                    "every reading's handler finished and committed",
                    () -> kafka.lag(processingGroup, HealthAgent.VITALS_TOPIC) == 0);
            Map<String, List<JsonNode>> kafkaAlerts = alertsOnKafka(kafka, Set.of(tachycardic, hypoxemic, healthy));
            assertEpisode(kafkaAlerts.get(tachycardic), "tachycardia", "warning", "Heart rate 118 bpm: tachycardia");
            assertEpisode(kafkaAlerts.get(hypoxemic), "hypoxemia", "high", "SpO2 90 %: hypoxemia");
            assertThat(kafkaAlerts.get(healthy))
                    .as("alerts of a healthy patient")
                    .isNull();

            Map<String, Supplier<List<JsonNode>>> clients = Map.of("SSE", sse::received, "WebSocket", ws::received);
            clients.forEach((client, received) -> assertLiveDelivery(client, received, published, kafkaAlerts));
            JsonNode reading =
                    ours(sse.broadcasts(HealthAgent.READINGS_LIVE_TOPIC)).get(0);
            List<String> fields = new ArrayList<>();
            reading.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).containsExactly("patient_id", "kind", "unit", "timestamp", "values");
        }
    }

    @Test
    void badReadings_goToTheDeadLetterTopicWithTheReason_andTheFlowGoesOn(
            MqttTestClient devices, KafkaTestClient kafka) {
        String patient = patient("bad");
        String topic = "devices/" + patient + "/vitals/";
        publish(devices, topic + "heart_rate", "{\"patient_id\": \"" + patient + "\", \"value\": 7", "heart_rate");
        publish(
                devices,
                topic + "heart_rate",
                Readings.json(Readings.single(patient, VitalKind.HEART_RATE, 900, START)),
                "heart_rate");
        publish(
                devices,
                topic + "temperature",
                Readings.json(Readings.model(patient, "temperature", 101.3, "°F", START)),
                "temperature");
        publish(
                devices,
                topic + "blood_pressure",
                Readings.json(Readings.pressure(patient, 80, 95, START)),
                "blood_pressure");
        publish(devices, topic + "spo2", Readings.json(Readings.single(patient, VitalKind.SPO2, 97, START)), null);
        publish(
                devices,
                topic + "heart_rate",
                Readings.json(Readings.single(patient, VitalKind.HEART_RATE, 72, START.plusSeconds(1))),
                "heart_rate");

        List<ConsumerRecord<String, String>> dead =
                kafka.awaitRecords(DEAD_LETTERS, r -> patient.equals(r.key()), 5, DEADLINE);

        Map<String, String> reasons = dead.stream()
                .collect(Collectors.toMap(
                        r -> KafkaTestClient.header(r, DeadLetterHeaders.ERROR_MESSAGE),
                        r -> KafkaTestClient.header(r, DeadLetterHeaders.REASON)));
        assertThat(reasons).hasSize(5);
        assertThat(reasons.entrySet())
                .anySatisfy(reason -> assertDeadLetter(reason, "decode", "Cannot decode the message"))
                .anySatisfy(reason -> assertDeadLetter(
                        reason,
                        "invalid",
                        "Rejected heart_rate reading of patient " + patient
                                + ": value 900 bpm is outside the plausible range 20-300 bpm"))
                .anySatisfy(reason -> assertDeadLetter(
                        reason,
                        "invalid",
                        "Rejected temperature reading of patient " + patient + ": unit '°F' is not °C"))
                .anySatisfy(reason -> assertDeadLetter(
                        reason,
                        "invalid",
                        "Rejected blood_pressure reading of patient " + patient
                                + ": systolic 80 mmHg is not above diastolic 95 mmHg"))
                .anySatisfy(reason -> assertDeadLetter(reason, "decode", "Cannot tell the message type"));
        assertThat(dead)
                .allSatisfy(r -> assertThat(KafkaTestClient.header(r, DeadLetterHeaders.ORIGINAL_TOPIC))
                        .isEqualTo(HealthAgent.VITALS_TOPIC));

        Await.await(
                DEADLINE,
                "the good reading after the bad ones handled",
                () -> analyze(patient).status() == 200);
        JsonNode analysis = analyze(patient).json().path("result");
        assertThat(analysis.path("vitals").path("heart_rate").path("readings").asInt())
                .isEqualTo(1);
        assertThat(analysis.path("vitals")
                        .path("heart_rate")
                        .path("latest")
                        .path("values")
                        .path("value")
                        .asInt())
                .isEqualTo(72);
    }

    @Test
    void processVitals_classifiesAPostedReading_andRejectsAnInvalidOne() {
        String patient = patient("http");
        String reading = "{\"parameters\": {\"patient_id\": \"" + patient + "\", \"data_type\": \"heart_rate\","
                + " \"value\": 134, \"unit\": \"bpm\", \"timestamp\": \"2025-03-01T10:00:00Z\"}}";

        Http.Answer answer = Http.post(url("/process-vitals"), reading);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode result = answer.json().path("result");
        assertThat(result.path("classification").path("category").asText()).isEqualTo("tachycardia");
        assertThat(result.path("classification").path("severity").asText()).isEqualTo("high");
        assertThat(result.path("alerts").get(0).path("message").asText())
                .isEqualTo("Heart rate 134 bpm: severe tachycardia");
        assertThat(analyze(patient)
                        .json()
                        .path("result")
                        .path("active_alerts")
                        .get(0)
                        .path("condition")
                        .asText())
                .isEqualTo("tachycardia");

        Http.Answer invalid = Http.post(url("/process-vitals"), reading.replace("134", "934"));
        assertThat(invalid.status()).as(invalid.body()).isEqualTo(400);
        assertThat(invalid.json().path("error").asText()).isEqualTo("invalid_task_input");
        assertThat(invalid.json().path("message").asText())
                .isEqualTo("Rejected heart_rate reading of patient " + patient
                        + ": value 934 bpm is outside the plausible range 20-300 bpm (a measurement error or a faulty"
                        + " device)");

        Http.Answer unknown = Http.post(url("/process-vitals"), reading.replace("heart_rate", "glucose"));
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.json().path("message").asText())
                .isEqualTo("parameters.data_type 'glucose' is not a vital sign this agent knows: use one of"
                        + " blood_pressure, heart_rate, spo2, temperature");
        Http.Answer noPatient = Http.post(url("/analyze-health"), "{\"parameters\": {}}");
        assertThat(noPatient.status()).as(noPatient.body()).isEqualTo(400);
        assertThat(noPatient.json().path("error").asText()).isEqualTo("invalid_task_input");
        assertThat(noPatient.json().path("message").asText()).startsWith("parameters.patient_id is required");
    }

    /** The client received every reading of each patient in order, and the same alerts as Kafka holds. */
    private static void assertLiveDelivery(
            String client,
            Supplier<List<JsonNode>> received,
            Map<String, List<HealthDataModel>> published,
            Map<String, List<JsonNode>> kafkaAlerts) {
        int readings = published.values().stream().mapToInt(List::size).sum();
        int alertCount = kafkaAlerts.values().stream().mapToInt(List::size).sum();
        List<JsonNode> events = new ArrayList<>();
        List<JsonNode> alerts = new ArrayList<>();
        Await.await(DEADLINE, client + " receiving every reading and alert", () -> {
            List<JsonNode> all = received.get();
            events.clear();
            events.addAll(ours(LiveMessages.broadcasts(all, HealthAgent.READINGS_LIVE_TOPIC)));
            alerts.clear();
            alerts.addAll(ours(LiveMessages.broadcasts(all, HealthAgent.ALERTS_LIVE_TOPIC)));
            return events.size() >= readings && alerts.size() >= alertCount;
        });
        assertThat(events).as(client + " readings").hasSize(readings);
        published.forEach((patient, sent) -> assertThat(timestampsOf(events, patient))
                .as(client + " readings of " + patient + ", in order")
                .containsExactlyElementsOf(
                        sent.stream().map(r -> r.timestamp().toString()).toList()));
        assertThat(byPatient(alerts)).as(client + " alerts, by patient").isEqualTo(kafkaAlerts);
    }

    private static void assertDeadLetter(Map.Entry<String, String> reason, String expected, String message) {
        assertThat(reason.getValue()).isEqualTo(expected);
        assertThat(reason.getKey()).contains(message);
    }

    @Test
    void anEpisodeThatOutlivesTheAgent_keepsItsAlert_andIsResolvedOnce(MqttTestClient devices, KafkaTestClient kafka)
            throws Exception {
        String patient = patient("restart");
        List<HealthDataModel> readings = heartRates(patient, 72, 121, 125, 127, 126, 80, 78, 77);
        publishInterleaved(devices, Map.of(patient, readings.subList(0, 3)));
        Await.await(
                DEADLINE, "the episode's alert", () -> !alertsOf(kafka, patient).isEmpty());
        Await.await(
                DEADLINE, "the readings committed", () -> kafka.lag(processingGroup, HealthAgent.VITALS_TOPIC) == 0);

        processing.close();
        processing = HealthAgent.app().config(processingConfig).start();
        publishInterleaved(devices, Map.of(patient, readings.subList(3, readings.size())));

        Await.await(
                DEADLINE, "the episode resolved", () -> alertsOf(kafka, patient).size() >= 2);
        assertEpisode(
                alertsOnKafka(kafka, Set.of(patient)).get(patient),
                "tachycardia",
                "warning",
                "Heart rate 121 bpm: tachycardia");
    }

    private static void assertEpisode(List<JsonNode> alerts, String condition, String severity, String message) {
        assertThat(alerts).as("alerts of one episode").hasSize(2);
        JsonNode active = alerts.get(0);
        JsonNode resolved = alerts.get(1);
        assertThat(active.path("status").asText()).isEqualTo("active");
        assertThat(active.path("condition").asText()).isEqualTo(condition);
        assertThat(active.path("severity").asText()).isEqualTo(severity);
        assertThat(active.path("message").asText()).isEqualTo(message);
        assertThat(active.has("resolved_at")).isFalse();
        assertThat(resolved.path("status").asText()).isEqualTo("resolved");
        assertThat(resolved.path("alert_id").asText())
                .isEqualTo(active.path("alert_id").asText());
        assertThat(resolved.path("started_at").asText())
                .isEqualTo(active.path("started_at").asText());
        assertThat(resolved.path("resolved_at").asText())
                .isEqualTo(resolved.path("reading").path("timestamp").asText());
    }

    /** The alerts about one patient on Kafka, in order. */
    private static List<JsonNode> alertsOf(KafkaTestClient kafka, String patient) {
        try {
            return alertsOnKafka(kafka, Set.of(patient)).getOrDefault(patient, List.of());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the alerts topic", e);
        }
    }

    /** Every record of the alerts topic about the patients, by patient, in the order of the topic. */
    private static Map<String, List<JsonNode>> alertsOnKafka(KafkaTestClient kafka, Set<String> patients)
            throws Exception {
        var partitions = kafka.admin()
                .describeTopics(List.of(HealthAgent.ALERTS_TOPIC))
                .allTopicNames()
                .get()
                .get(HealthAgent.ALERTS_TOPIC)
                .partitions();
        Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                .collect(Collectors.toMap(
                        p -> new TopicPartition(HealthAgent.ALERTS_TOPIC, p.partition()), p -> OffsetSpec.latest()));
        long total = kafka.admin().listOffsets(latest).all().get().values().stream()
                .mapToLong(info -> info.offset())
                .sum();
        if (total == 0) {
            return Map.of();
        }
        List<JsonNode> alerts = kafka.consume(HealthAgent.ALERTS_TOPIC, (int) total, DEADLINE).stream()
                .filter(r -> patients.contains(r.key()))
                .map(r -> Json.tree(r.value().getBytes(StandardCharsets.UTF_8)))
                .toList();
        return byPatient(alerts);
    }

    private static Map<String, List<JsonNode>> byPatient(List<JsonNode> alerts) {
        return alerts.stream()
                .collect(Collectors.groupingBy(a -> a.path("patient_id").asText()));
    }

    private static List<JsonNode> ours(List<JsonNode> broadcasts) {
        return broadcasts.stream()
                .filter(data -> data.path("patient_id").asText().contains(RUN))
                .toList();
    }

    private static List<String> timestampsOf(List<JsonNode> events, String patient) {
        return events.stream()
                .filter(e -> patient.equals(e.path("patient_id").asText()))
                .map(e -> e.path("timestamp").asText())
                .toList();
    }

    private static void publishInterleaved(MqttTestClient devices, Map<String, List<HealthDataModel>> readings) {
        int longest = readings.values().stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < longest; i++) {
            for (List<HealthDataModel> series : readings.values()) {
                if (i < series.size()) {
                    HealthDataModel reading = series.get(i);
                    publish(
                            devices,
                            "devices/" + reading.patientId() + "/vitals/" + reading.dataType(),
                            Readings.json(reading),
                            reading.dataType());
                }
            }
        }
    }

    private static void publish(MqttTestClient devices, String topic, String payload, String messageType) {
        devices.publish(
                topic,
                payload.getBytes(StandardCharsets.UTF_8),
                1,
                messageType == null ? Map.of() : Map.of("message_type", messageType));
    }

    private static List<HealthDataModel> heartRates(String patient, double... bpm) {
        List<HealthDataModel> readings = new ArrayList<>();
        for (int i = 0; i < bpm.length; i++) {
            readings.add(Readings.single(patient, VitalKind.HEART_RATE, bpm[i], START.plusSeconds(i)));
        }
        return readings;
    }

    private static List<HealthDataModel> saturations(String patient, double... percent) {
        List<HealthDataModel> readings = new ArrayList<>();
        for (int i = 0; i < percent.length; i++) {
            readings.add(Readings.single(patient, VitalKind.SPO2, percent[i], START.plusSeconds(i)));
        }
        return readings;
    }

    private static void awaitSubscribers(int clients) {
        Await.await(DEADLINE, clients + " live clients subscribed to both topics", () -> {
            JsonNode topics = Http.get(url("/realtime/connections")).json().path("topics");
            return topics.path(HealthAgent.READINGS_LIVE_TOPIC).asInt() >= clients
                    && topics.path(HealthAgent.ALERTS_LIVE_TOPIC).asInt() >= clients;
        });
    }

    private static Http.Answer analyze(String patient) {
        return Http.post(url("/analyze-health"), "{\"parameters\": {\"patient_id\": \"" + patient + "\"}}");
    }

    private static String patient(String label) {
        return "p-" + RUN + "-" + label;
    }

    private static URI url(String path) {
        return processing.url().resolve(path);
    }
}
