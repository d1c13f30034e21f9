package io.realtimeagents.secrets;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Secret contents used across the tests. Every value is distinctive, so a test can prove it appears in no log line,
 * message or {@code toString()}.
 */
final class SecretFixtures {
    static final String PLATFORM = "health-platform";
    static final String NAMESPACE = "apps";

    static final String KAFKA_SERVERS = "kafka-7c1e.platform.svc:9093";
    static final String SCHEMA_REGISTRY = "http://registry-4a7f.platform.svc:8081";
    static final String KAFKA_USER = "agent-user-91d3";
    /** A password with the characters a JAAS configuration must escape. */
    static final String KAFKA_PASSWORD = "kafka-pw-\"quoted\"\\back;slash=6b2";

    static final String MQTT_HOST = "mqtt-3f9a.platform.svc";
    static final String MQTT_USER = "mqtt-user-58e0";
    static final String MQTT_PASSWORD = "mqtt-pw-0d4c71";

    static final String DB_HOST = "db-2e8b.platform.svc";
    static final String DB_NAME = "vitals-db-77a1";
    static final String DB_USER = "db-user-c3f2";
    static final String DB_PASSWORD = "db-pw-a91e55";

    static final String METABASE_URL = "http://metabase-5d2b.platform.svc:3000";
    static final String LENSES_URL = "http://lenses-9f0c.platform.svc:9991";

    /** Every fixture value that must never be shown (the port is left out: numbers occur everywhere). */
    static final Set<String> ALL_VALUES = Set.of(
            KAFKA_SERVERS,
            SCHEMA_REGISTRY,
            KAFKA_USER,
            KAFKA_PASSWORD,
            MQTT_HOST,
            MQTT_USER,
            MQTT_PASSWORD,
            DB_HOST,
            DB_NAME,
            DB_USER,
            DB_PASSWORD,
            METABASE_URL,
            LENSES_URL,
            "kafka-pw-",
            "\"quoted\"");

    private SecretFixtures() {}

    /** The kafka secret with environment-style keys, SASL over TLS. */
    static Map<String, String> kafka() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("KAFKA_BOOTSTRAP_SERVERS", KAFKA_SERVERS);
        values.put("KAFKA_SCHEMA_REGISTRY_URL", SCHEMA_REGISTRY);
        values.put("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
        values.put("KAFKA_SASL_USERNAME", KAFKA_USER);
        values.put("KAFKA_SASL_PASSWORD", KAFKA_PASSWORD);
        return values;
    }

    /** The mqtt secret with environment-style keys. */
    static Map<String, String> mqtt() {
        return Map.of(
                "MQTT_HOST", MQTT_HOST, "MQTT_PORT", "8883", "MQTT_USER", MQTT_USER, "MQTT_PASSWORD", MQTT_PASSWORD);
    }

    /** The db secret with the lower-case keys. */
    static Map<String, String> db() {
        return Map.of("host", DB_HOST, "name", DB_NAME, "username", DB_USER, "password", DB_PASSWORD);
    }

    static Map<String, String> metabase() {
        return Map.of("url", METABASE_URL);
    }

    static Map<String, String> lenses() {
        return Map.of("LENSES_URL", LENSES_URL);
    }

    /** The fixture secret of a service. */
    static Map<String, String> of(PlatformService service) {
        return switch (service) {
            case KAFKA -> kafka();
            case MQTT -> mqtt();
            case DB -> db();
            case METABASE -> metabase();
            case LENSES -> lenses();
        };
    }
}
