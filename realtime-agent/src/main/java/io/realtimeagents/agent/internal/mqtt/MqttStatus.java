package io.realtimeagents.agent.internal.mqtt;

import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.common.mqtt.MqttBridge;
import io.realtimeagents.common.mqtt.MqttSubscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The MQTT runtime's readiness, its {@code mqtt} object of {@code /health} and of {@code /realtime/status}. */
final class MqttStatus {
    private final AgentConfig config;
    private final MqttRoutes routes;
    private final MqttConnection connection;
    private final AckSequencer sequencer;
    private final MqttInboundPipeline pipeline;

    MqttStatus(
            AgentConfig config,
            MqttRoutes routes,
            AckSequencer sequencer,
            MqttConnection connection,
            MqttInboundPipeline pipeline) {
        this.config = config;
        this.routes = routes;
        this.sequencer = sequencer;
        this.connection = connection;
        this.pipeline = pipeline;
    }

    /**
     * Not connected, or a message unacknowledged for longer than {@code MQTT_MAX_UNACKED_AGE} (its handler, retries,
     * dead letter or bridge produce is stuck, and in-order acknowledgement holds back every message after it).
     */
    List<String> readyProblems() {
        List<String> problems = new ArrayList<>();
        if (!connection.isConnected()) {
            String lastError = connection.lastError();
            problems.add("not connected to the MQTT broker " + connection.serverUri()
                    + (lastError == null ? "" : ": " + lastError));
        }
        AckSequencer.Unacknowledged oldest = sequencer.oldest();
        Duration limit = config.get(AgentSettings.MQTT_MAX_UNACKED_AGE);
        if (oldest != null && oldest.age().compareTo(limit) > 0) {
            problems.add("the MQTT intake has not acknowledged the message on " + oldest.topic() + " (id "
                    + oldest.messageId() + ") for "
                    + String.format(Locale.ROOT, "%.1f", oldest.age().toMillis() / 1000.0)
                    + " s, longer than "
                    + AgentSettings.MQTT_MAX_UNACKED_AGE.env() + "=" + text(limit) + ": its handler, retry or"
                    + " bridge is stuck; " + sequencer.unacknowledged() + " message(s) wait behind it");
        }
        return problems;
    }

    private static String text(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }

    /** The {@code mqtt} object of {@code /health}. */
    Map<String, Object> health() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("enabled", true);
        body.put("connected", connection.isConnected());
        body.put("broker", connection.serverUri());
        body.put("client_id", connection.clientId());
        body.put("reconnects", connection.reconnects());
        return body;
    }

    /** The {@code mqtt} object of {@code /realtime/status}. */
    Map<String, Object> status() {
        Map<String, Object> body = health();
        body.put("last_error", connection.lastError());
        body.put("shared_group", connection.sharedGroup());
        body.put(
                "session_expiry_seconds",
                config.get(AgentSettings.MQTT_SESSION_EXPIRY).toSeconds());
        body.put(
                "subscriptions",
                routes.subscriptions().stream().map(MqttStatus::describe).toList());
        body.put("bridges", routes.bridges().stream().map(MqttStatus::describe).toList());
        body.put("unacknowledged", sequencer.unacknowledged());
        AckSequencer.Unacknowledged oldest = sequencer.oldest();
        body.put("oldest_unacknowledged_ms", oldest == null ? 0 : oldest.age().toMillis());
        body.put("backlog", pipeline.backlog());
        return body;
    }

    private static Map<String, Object> describe(MqttSubscription subscription) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("filter", subscription.filter().text());
        body.put("broker_filter", subscription.filter().brokerFilter());
        body.put("message_type", subscription.messageType());
        body.put("qos", subscription.qos());
        return body;
    }

    private static Map<String, Object> describe(MqttBridge bridge) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("filter", bridge.filter().text());
        body.put("broker_filter", bridge.filter().brokerFilter());
        body.put("kafka_topic", bridge.kafkaTopic());
        body.put("key", bridge.keyVariable());
        body.put("qos", bridge.qos());
        return body;
    }
}
