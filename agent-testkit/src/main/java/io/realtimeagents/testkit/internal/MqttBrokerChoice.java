package io.realtimeagents.testkit.internal;

import io.realtimeagents.testkit.MqttBroker;
import java.util.Locale;

/**
 * Decides which MQTT broker the JVM-wide one is, from the setting {@value #SETTING} (system property first, then
 * environment variable).
 *
 * @param host the external broker's host, null for the embedded one
 * @param port the external broker's port, 0 for the embedded one
 */
public record MqttBrokerChoice(String host, int port) {
    /** Name of the system property and of the environment variable. */
    public static final String SETTING = "REALTIME_AGENTS_TEST_MQTT";

    private static final String EXTERNAL_PREFIX = "external:";

    /** Reads the setting from the system properties and the environment. */
    public static MqttBrokerChoice fromEnvironment() {
        String value = System.getProperty(SETTING);
        return parse(value != null ? value : System.getenv(SETTING));
    }

    /**
     * Parses a value: absent, empty or {@code embedded}; or {@code external:<host>:<port>}.
     *
     * @throws IllegalArgumentException naming the bad value and the accepted ones
     */
    public static MqttBrokerChoice parse(String value) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty() || text.toLowerCase(Locale.ROOT).equals("embedded")) {
            return new MqttBrokerChoice(null, 0);
        }
        if (text.regionMatches(true, 0, EXTERNAL_PREFIX, 0, EXTERNAL_PREFIX.length())) {
            String address = text.substring(EXTERNAL_PREFIX.length()).strip();
            int colon = address.lastIndexOf(':');
            if (colon > 0) {
                try {
                    int port = Integer.parseInt(address.substring(colon + 1));
                    if (port > 0 && port < 65536) {
                        return new MqttBrokerChoice(address.substring(0, colon), port);
                    }
                } catch (NumberFormatException e) {
                    // reported below
                }
            }
        }
        throw new IllegalArgumentException("Invalid value '" + value + "' for " + SETTING
                + ": use external:<host>:<port> (e.g. external:127.0.0.1:1883), embedded, or leave it unset for an"
                + " embedded HiveMQ broker");
    }

    /** Starts the embedded broker, or returns a handle of the external one. */
    public MqttBroker start() {
        return host == null ? EmbeddedHiveMqBroker.start() : new ExternalMqttBroker(host, port);
    }
}
