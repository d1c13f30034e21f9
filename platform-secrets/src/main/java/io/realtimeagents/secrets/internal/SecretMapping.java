package io.realtimeagents.secrets.internal;

import io.realtimeagents.common.config.Setting;
import io.realtimeagents.secrets.PlatformService;
import io.realtimeagents.secrets.SecretKey;
import io.realtimeagents.secrets.ServiceSecret;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a service's secret maps onto agent settings and Kafka client properties (the table of {@link SecretKey}), and
 * what makes a secret unusable: a required key missing, a key present under several names with different values, or
 * invalid Kafka security settings.
 */
public final class SecretMapping {
    private SecretMapping() {}

    /** A setting's value taken from a secret, with the origin shown in configuration messages. */
    public record SettingValue(Setting<?> setting, String text, String origin) {}

    /** The settings a secret sets, in the order of {@link SecretKey}. */
    public static List<SettingValue> settings(ServiceSecret secret) {
        List<SettingValue> values = new ArrayList<>();
        for (SecretKey key : SecretKey.of(secret.service())) {
            Optional<String> stored = secret.storedName(key);
            if (key.setting().isPresent() && stored.isPresent()) {
                values.add(new SettingValue(
                        key.setting().get(), secret.value(stored.get()).orElseThrow(), secret.origin(stored.get())));
            }
        }
        return values;
    }

    /** The Kafka client properties (consumer and producer) of the kafka secret; empty for other services. */
    public static Map<String, String> kafkaProperties(ServiceSecret secret) {
        return secret.service() == PlatformService.KAFKA ? KafkaSecurity.properties(secret, new Problems()) : Map.of();
    }

    /** Everything that makes the secret unusable, as sentences naming keys and the secret. */
    public static List<String> problems(ServiceSecret secret) {
        Problems problems = new Problems();
        for (SecretKey key : SecretKey.of(secret.service())) {
            List<String> present = key.names().stream()
                    .filter(name -> secret.value(name).isPresent())
                    .toList();
            if (present.isEmpty() && key.required()) {
                problems.missingKey(secret, key, "");
            } else if (present.stream()
                            .map(name -> secret.value(name).orElseThrow())
                            .distinct()
                            .count()
                    > 1) {
                problems.conflict(secret, key, present);
            }
        }
        if (secret.service() == PlatformService.KAFKA) {
            KafkaSecurity.properties(secret, problems);
        }
        return problems.messages();
    }

    /** The stored keys that map to nothing (ignored; a misspelt key shows up here). */
    public static List<String> unknownKeys(ServiceSecret secret) {
        return secret.keys().stream()
                .filter(name -> SecretKey.find(secret.service(), name).isEmpty())
                .toList();
    }
}
