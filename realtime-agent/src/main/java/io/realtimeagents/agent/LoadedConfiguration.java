package io.realtimeagents.agent;

import io.realtimeagents.common.ConfigurationException;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.common.config.ConfigLoader;
import io.realtimeagents.secrets.PlatformSecretLoader;
import io.realtimeagents.secrets.PlatformSecretWatcher;
import io.realtimeagents.secrets.PlatformSecrets;
import io.realtimeagents.secrets.PlatformService;
import io.realtimeagents.secrets.SecretConfigurer;
import io.realtimeagents.secrets.SecretSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An agent's configuration as {@link RealtimeAgents.App#start()} loads it: defaults, {@code application.yml},
 * environment and arguments; then, when {@code REALTIME_PLATFORM} names a platform, its secrets on top (Kafka
 * required when realtime is enabled, MQTT when the configuration subscribes or bridges; the others optional), watched
 * for changes while the agent runs.
 */
final class LoadedConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(RealtimeAgents.class);

    private final AgentConfig config;
    private final PlatformSecretWatcher.Builder watch;
    private final Function<PlatformSecrets, AgentConfig> reconfigure;

    private LoadedConfiguration(
            AgentConfig config,
            PlatformSecretWatcher.Builder watch,
            Function<PlatformSecrets, AgentConfig> reconfigure) {
        this.config = config;
        this.watch = watch;
        this.reconfigure = reconfigure;
    }

    /**
     * Loads the configuration.
     *
     * @param environment the environment variables to read instead of the process's, or null
     * @param serviceName the service name when the configuration names none
     * @throws ConfigurationException naming every invalid setting, or a required platform secret that is missing
     */
    static LoadedConfiguration load(String[] args, Map<String, String> environment, String serviceName) {
        ConfigLoader loader =
                ConfigLoader.standard().withArguments(args).withFallback(AgentSettings.SERVICE_NAME, serviceName);
        if (environment != null) {
            loader.withEnvironment(environment);
        }
        AgentConfig.Builder builder = loader.builder();
        String platform = builder.value(AgentSettings.REALTIME_PLATFORM);
        if (platform == null) {
            return new LoadedConfiguration(builder.build(), null, null);
        }
        PlatformSecretLoader.Builder secretLoader = PlatformSecretLoader.builder(platform)
                .secretsDirectory(Path.of(builder.value(AgentSettings.PLATFORM_SECRETS_DIR)))
                .sources(secretSources(builder.value(AgentSettings.PLATFORM_SECRETS_SOURCES)));
        if (environment != null) {
            secretLoader.environment(environment);
        }
        PlatformSecretLoader secrets = secretLoader.build();
        Set<PlatformService> used = usedServices(builder);
        PlatformSecrets loaded = secrets.load(used);
        SecretConfigurer.apply(builder, loaded);
        Function<PlatformSecrets, AgentConfig> reconfigure = changed -> {
            AgentConfig.Builder fresh = loader.builder();
            SecretConfigurer.apply(fresh, changed);
            return fresh.build();
        };
        return new LoadedConfiguration(
                builder.build(), PlatformSecretWatcher.builder(secrets, loaded).usedServices(used), reconfigure);
    }

    /** The loaded configuration. */
    AgentConfig config() {
        return config;
    }

    /**
     * Watches the platform's secrets, if any, while the agent runs: changed ones are applied to it, and the watch
     * stops with it.
     */
    void watchSecrets(RunningAgent running) {
        if (watch != null) {
            running.closeAlso(watch.interval(config.get(AgentSettings.PLATFORM_SECRETS_REFRESH))
                    .listener((service, previous, current) -> secretChanged(running, service, current))
                    .start());
        }
    }

    private void secretChanged(RunningAgent running, PlatformService service, PlatformSecrets current) {
        AgentConfig next;
        try {
            next = reconfigure.apply(current);
        } catch (ConfigurationException e) {
            LOG.error(
                    "The changed {} secret of platform {} is invalid; the agent keeps its current settings. {}",
                    service.id(),
                    current.platform(),
                    e.getMessage());
            return;
        }
        List<String> needRestart = running.rotate(next);
        if (!needRestart.isEmpty()) {
            LOG.warn(
                    "The {} secret of platform {} changed {}, which take effect at the next restart (a rolling restart"
                            + " loses nothing); connection credentials were applied already",
                    service.id(),
                    current.platform(),
                    needRestart);
        }
    }

    /** The sources named by {@code PLATFORM_SECRETS_SOURCES}, from wherever the setting was given. */
    private static SecretSource[] secretSources(List<String> ids) {
        List<SecretSource> sources = new ArrayList<>();
        for (String id : ids) {
            try {
                sources.add(SecretSource.fromId(id));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException("Invalid value " + String.join(",", ids) + " for configuration "
                        + AgentSettings.PLATFORM_SECRETS_SOURCES.env() + ": " + e.getMessage()
                        + ", comma-separated in the order to try");
            }
        }
        return sources.toArray(SecretSource[]::new);
    }

    private static Set<PlatformService> usedServices(AgentConfig.Builder config) {
        Set<PlatformService> used = EnumSet.noneOf(PlatformService.class);
        if (config.value(AgentSettings.REALTIME_ENABLED)) {
            used.add(PlatformService.KAFKA);
        }
        if (!config.value(AgentSettings.MQTT_SUBSCRIPTIONS).isEmpty()
                || !config.value(AgentSettings.MQTT_BRIDGES).isEmpty()) {
            used.add(PlatformService.MQTT);
        }
        return used;
    }
}
