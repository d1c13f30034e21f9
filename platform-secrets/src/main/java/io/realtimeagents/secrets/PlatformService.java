package io.realtimeagents.secrets;

import io.realtimeagents.secrets.internal.Checks;
import java.util.Locale;
import java.util.regex.Pattern;

/** The services of a realtime platform that publish a connection secret. */
public enum PlatformService {
    /** The Kafka cluster: bootstrap servers, schema registry, SASL and TLS settings. */
    KAFKA(true),
    /** The MQTT broker: host, port, user, password. */
    MQTT(true),
    /** The database. */
    DB(false),
    /** Metabase. */
    METABASE(false),
    /** Lenses. */
    LENSES(false);

    private static final Pattern PLATFORM = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    private final boolean requiredWhenUsed;

    PlatformService(boolean requiredWhenUsed) {
        this.requiredWhenUsed = requiredWhenUsed;
    }

    /** Whether an agent that uses this service cannot start without its secret (Kafka, MQTT). */
    public boolean requiredWhenUsed() {
        return requiredWhenUsed;
    }

    /** The lower-case name used in secret names, e.g. {@code kafka}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The name of this service's secret on a platform: {@code <platform>-<service>-secret}.
     *
     * @throws IllegalArgumentException when the platform name is not a valid Kubernetes name
     */
    public String secretName(String platform) {
        Checks.notNull(platform, "platform");
        String name = platform + "-" + id() + "-secret";
        if (!PLATFORM.matcher(platform).matches() || name.length() > 253) {
            throw new IllegalArgumentException("Invalid platform name '" + platform
                    + "' (REALTIME_PLATFORM): use lower-case letters, digits and '-', starting and ending with a"
                    + " letter or digit, e.g. 'health-platform'");
        }
        return name;
    }
}
