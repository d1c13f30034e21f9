package io.realtimeagents.secrets;

import io.realtimeagents.common.ConfigurationException;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.secrets.internal.Checks;
import io.realtimeagents.secrets.internal.SecretMapping;
import io.realtimeagents.secrets.internal.SecretMapping.SettingValue;
import java.util.EnumSet;
import java.util.Set;

/**
 * Completes an agent's configuration with its platform secrets. Secret values take precedence over every other
 * source (built-in defaults &lt; {@code application.yml} &lt; environment variables &lt; system properties and
 * arguments &lt; platform secrets), and each setting records where it came from, e.g. "secret
 * health-platform-kafka-secret key KAFKA_BOOTSTRAP_SERVERS", so a validation error names the secret and the key.
 *
 * <p>The kafka secret's security keys become Kafka client properties of both consumer and producer
 * ({@code security.protocol}, {@code sasl.mechanism}, {@code sasl.jaas.config}, {@code ssl.truststore.*},
 * {@code ssl.keystore.*}); see {@link SecretKey} for the whole table.
 */
public final class SecretConfigurer {
    private SecretConfigurer() {}

    /**
     * The configuration with the secrets' values applied and validated.
     *
     * @throws ConfigurationException when a value from a secret is invalid for its setting (the message names the
     *     secret and the key; a secret setting's value is shown as {@code [hidden]})
     */
    public static AgentConfig apply(AgentConfig config, PlatformSecrets secrets) {
        Checks.notNull(config, "config");
        return apply(config.toBuilder(), secrets).build();
    }

    /**
     * The configuration with the values of some services' secrets only, e.g. to leave the MQTT settings alone in an
     * agent that does not use MQTT although its platform has an MQTT broker.
     */
    public static AgentConfig apply(AgentConfig config, PlatformSecrets secrets, Set<PlatformService> services) {
        Checks.notNull(config, "config");
        return apply(config.toBuilder(), secrets, services).build();
    }

    /** Applies the secrets' values to a builder, for callers that change more before {@link AgentConfig.Builder#build()}. */
    public static AgentConfig.Builder apply(AgentConfig.Builder builder, PlatformSecrets secrets) {
        return apply(builder, secrets, EnumSet.allOf(PlatformService.class));
    }

    /** Applies the values of the given services' secrets to a builder. */
    public static AgentConfig.Builder apply(
            AgentConfig.Builder builder, PlatformSecrets secrets, Set<PlatformService> services) {
        Checks.notNull(builder, "builder");
        Checks.notNull(secrets, "secrets");
        for (PlatformService service : services) {
            secrets.secret(service).ifPresent(secret -> apply(builder, secret));
        }
        return builder;
    }

    private static void apply(AgentConfig.Builder builder, ServiceSecret secret) {
        for (SettingValue value : SecretMapping.settings(secret)) {
            builder.parse(value.setting(), value.text(), value.origin());
        }
        SecretMapping.kafkaProperties(secret).forEach((name, value) -> {
            builder.kafkaConsumerProperty(name, value);
            builder.kafkaProducerProperty(name, value);
        });
    }
}
