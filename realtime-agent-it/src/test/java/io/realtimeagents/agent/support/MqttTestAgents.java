package io.realtimeagents.agent.support;

import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.testkit.KafkaBroker;
import io.realtimeagents.testkit.MqttBroker;
import io.realtimeagents.testkit.MqttBrokers;
import io.realtimeagents.testkit.TestAgent;
import java.time.Duration;
import java.util.function.UnaryOperator;

/** Configurations of agents under test that use MQTT, and the optional Mosquitto interoperability broker. */
public final class MqttTestAgents {
    /**
     * System property or environment variable with the host:port of a Mosquitto to run the interoperability suite
     * against; {@value #DEFAULT_MOSQUITTO} when unset, {@code off} skips it.
     */
    public static final String MOSQUITTO_SETTING = "REALTIME_AGENTS_TEST_MOSQUITTO";
    /** Where a local Mosquitto listens by default. */
    public static final String DEFAULT_MOSQUITTO = "127.0.0.1:1883";

    private MqttTestAgents() {}

    /**
     * An agent configuration of both brokers: a unique service name (so consumer and shared-subscription group) and
     * client id, a dead-letter topic, fast retries and a one-second reconnect backoff.
     */
    public static AgentConfig.Builder config(
            KafkaBroker kafka, MqttBroker mqtt, String servicePrefix, String deadLetterTopic) {
        return mqtt(mqtt, servicePrefix, deadLetterTopic).apply(TestAgents.config(kafka, servicePrefix));
    }

    /**
     * The MQTT part of {@link #config}, for {@link TestAgent#start}: the broker, a unique client id, the dead-letter
     * topic, and a one-second reconnect backoff.
     */
    public static UnaryOperator<AgentConfig.Builder> mqtt(
            MqttBroker mqtt, String clientPrefix, String deadLetterTopic) {
        return builder -> builder.mqttBroker(mqtt.host(), mqtt.port())
                .set(AgentSettings.MQTT_CLIENT_ID, TestAgent.uniqueName(clientPrefix + "-client"))
                .set(AgentSettings.MQTT_DEAD_LETTER_TOPIC, deadLetterTopic)
                .set(AgentSettings.MQTT_RECONNECT_BACKOFF, Duration.ofSeconds(1))
                .set(AgentSettings.MQTT_RECONNECT_BACKOFF_MAX, Duration.ofSeconds(2));
    }

    /** The Mosquitto to test against, or null (with the reason in {@code why}) when it is off or unreachable. */
    public static MqttBroker mosquitto(StringBuilder why) {
        String value = System.getProperty(MOSQUITTO_SETTING, System.getenv(MOSQUITTO_SETTING));
        String address = value == null || value.isBlank() ? DEFAULT_MOSQUITTO : value.strip();
        if (address.equalsIgnoreCase("off")) {
            why.append(MOSQUITTO_SETTING).append("=off");
            return null;
        }
        int colon = address.lastIndexOf(':');
        String host = address.substring(0, colon);
        int port = Integer.parseInt(address.substring(colon + 1));
        if (!MqttBrokers.isReachable(host, port, Duration.ofSeconds(1))) {
            why.append("no MQTT broker answers at ")
                    .append(address)
                    .append(": start Mosquitto there (e.g. the Debian package mosquitto) or set ")
                    .append(MOSQUITTO_SETTING)
                    .append("=<host:port> to run the interoperability suite");
            return null;
        }
        return MqttBrokers.external(host, port);
    }
}
