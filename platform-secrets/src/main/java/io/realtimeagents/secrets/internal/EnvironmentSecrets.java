package io.realtimeagents.secrets.internal;

import io.realtimeagents.secrets.PlatformService;
import io.realtimeagents.secrets.SecretKey;
import io.realtimeagents.secrets.SecretSource;
import io.realtimeagents.secrets.internal.SourceResult.Status;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A secret given as environment variables named like its environment-style keys ({@code KAFKA_BOOTSTRAP_SERVERS},
 * {@code KAFKA_SASL_PASSWORD}, ...), e.g. set from the Secret with {@code secretKeyRef} or {@code envFrom}. Blank
 * variables count as unset.
 */
public final class EnvironmentSecrets {
    /** The location shown for secrets from here. */
    public static final String LOCATION = "environment";

    private final Map<String, String> environment;

    /** Reads from these variables. */
    public EnvironmentSecrets(Map<String, String> environment) {
        this.environment = environment;
    }

    /** The variables of one service's secret that are set. */
    public SourceResult read(PlatformService service) {
        Map<String, String> values = new LinkedHashMap<>();
        List<SecretKey> keys = SecretKey.of(service);
        for (SecretKey key : keys) {
            String value = environment.get(key.key());
            if (value != null && !SecretValues.clean(value).isBlank()) {
                values.put(key.key(), SecretValues.clean(value));
            }
        }
        if (values.isEmpty()) {
            String names = String.join(", ", keys.stream().map(SecretKey::key).toList());
            return SourceResult.notFound(
                    SecretSource.ENVIRONMENT, Status.ABSENT, LOCATION, "none of " + names + " is set");
        }
        return SourceResult.found(SecretSource.ENVIRONMENT, values, LOCATION);
    }
}
