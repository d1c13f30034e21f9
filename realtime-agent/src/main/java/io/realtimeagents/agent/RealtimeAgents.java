package io.realtimeagents.agent;

import io.realtimeagents.agent.internal.Checks;
import io.realtimeagents.common.ConfigurationException;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.common.config.ConfigLoader;
import io.realtimeagents.common.live.WebSocketEndpoint;
import io.realtimeagents.common.task.TaskEndpoint;
import io.realtimeagents.secrets.PlatformSecretLoader;
import io.realtimeagents.secrets.PlatformSecretWatcher;
import io.realtimeagents.secrets.PlatformSecrets;
import io.realtimeagents.secrets.PlatformService;
import io.realtimeagents.secrets.SecretConfigurer;
import io.realtimeagents.secrets.SecretSource;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts agents. In {@code main}: {@code RealtimeAgents.run(MyAgent.class, args)}. With task endpoints or a
 * configuration built in code: {@code RealtimeAgents.app(MyAgent::new).endpoint("/analyze", "analyze").start()}.
 */
public final class RealtimeAgents {
    private static final Logger LOG = LoggerFactory.getLogger(RealtimeAgents.class);

    /** The exit status of {@link #run run} when the configuration is invalid: the log names each setting to fix. */
    public static final int EXIT_INVALID_CONFIGURATION = 2;

    /**
     * The exit status of {@link #run run} when the agent cannot start for another reason (a port in use, a broker
     * refusing the credentials): the log has the cause.
     */
    public static final int EXIT_START_FAILED = 1;

    private RealtimeAgents() {}

    /**
     * Starts an agent from {@code main} with configuration from the environment and {@code --property=value}
     * arguments, stops it gracefully on SIGTERM/Ctrl-C, and blocks until it stopped. This and
     * {@link App#runUntilStopped()} are the only places that end the process: with status
     * {@value #EXIT_INVALID_CONFIGURATION} when the configuration is invalid (the log names each setting), with
     * {@value #EXIT_START_FAILED} when the agent cannot start otherwise; after a graceful stop on a signal the JVM
     * exits with the signal's status (143 for SIGTERM). Nothing else in the library exits.
     */
    public static void run(Class<? extends RealtimeAgent> agentClass, String... args) {
        app(factory(agentClass)).args(args).runUntilStopped();
    }

    /** A builder of an agent application; the factory creates the agent instance. */
    public static App app(Supplier<? extends RealtimeAgent> factory) {
        return new App(factory);
    }

    /** The default service name of an agent class: its simple name in kebab-case ({@code HealthAgent} -> {@code health-agent}). */
    public static String defaultServiceName(Class<?> agentClass) {
        String name = agentClass.getSimpleName().isEmpty() ? "realtime-agent" : agentClass.getSimpleName();
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static Supplier<RealtimeAgent> factory(Class<? extends RealtimeAgent> agentClass) {
        Checks.notNull(agentClass, "agentClass");
        return () -> {
            try {
                Constructor<? extends RealtimeAgent> constructor = agentClass.getDeclaredConstructor();
                constructor.setAccessible(true);
                return constructor.newInstance();
            } catch (NoSuchMethodException e) {
                throw new ConfigurationException(agentClass.getName() + " needs a no-argument constructor to be started"
                        + " by RealtimeAgents.run; or use RealtimeAgents.app(() -> new ...)");
            } catch (InvocationTargetException e) {
                throw new IllegalStateException("The constructor of " + agentClass.getName() + " failed", e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot create " + agentClass.getName() + ": " + e.getMessage(), e);
            }
        };
    }

    /** Builds and starts one agent application: the equivalent of the reference's {@code create_realtime_agent_app}. */
    public static final class App {
        private final Supplier<? extends RealtimeAgent> factory;
        private final List<TaskEndpoint> endpoints = new ArrayList<>();
        private final List<WebSocketEndpoint> webSocketEndpoints = new ArrayList<>();
        private AgentConfig config;
        private String[] args = new String[0];
        private Map<String, String> environment;
        private String serviceName;
        private String description = "";

        private App(Supplier<? extends RealtimeAgent> factory) {
            this.factory = Checks.notNull(factory, "factory");
        }

        /** Uses this configuration instead of loading one from the environment. */
        public App config(AgentConfig configuration) {
            this.config = Checks.notNull(configuration, "configuration");
            return this;
        }

        /**
         * Reads these environment variables instead of the process's (settings and platform-secret look-up), e.g. in
         * tests.
         */
        public App environment(Map<String, String> variables) {
            this.environment = Map.copyOf(variables);
            return this;
        }

        /** Command-line arguments of the form {@code --property=value}, overriding the environment. */
        public App args(String... arguments) {
            this.args = arguments.clone();
            return this;
        }

        /** The service name when the configuration names none (default: the agent class in kebab-case). */
        public App serviceName(String name) {
            this.serviceName = name;
            return this;
        }

        /** What the service does, shown by {@code /realtime/status}. */
        public App description(String text) {
            this.description = Checks.notNull(text, "text");
            return this;
        }

        /** Adds a task endpoint: {@code POST path} runs the task type. */
        public App endpoint(String path, String taskType) {
            endpoints.add(new TaskEndpoint(path, taskType));
            return this;
        }

        /**
         * Adds a WebSocket endpoint under {@code /ws} whose connections are subscribed to the topics when they open,
         * e.g. {@code websocketEndpoint("/ws/health", "health_events", "alerts")}.
         */
        public App websocketEndpoint(String path, String... autoSubscribe) {
            webSocketEndpoints.add(WebSocketEndpoint.of(path, autoSubscribe));
            return this;
        }

        /**
         * Starts the agent and returns once it consumes and serves HTTP.
         *
         * @throws ConfigurationException naming every invalid setting, before any broker is contacted
         */
        public RunningAgent start() {
            RealtimeAgent agent = factory.get();
            PlatformSecretWatcher.Builder watch = null;
            AgentConfig resolved = config;
            Loaded loaded = null;
            if (resolved == null) {
                loaded = load(agent.getClass());
                resolved = loaded.config();
                watch = loaded.watch();
            }
            RunningAgent running = AgentLifecycle.start(agent, resolved, description, endpoints, webSocketEndpoints);
            if (watch != null) {
                Loaded secrets = loaded;
                running.closeAlso(watch.interval(resolved.get(AgentSettings.PLATFORM_SECRETS_REFRESH))
                        .listener((service, previous, current) -> secretChanged(running, secrets, service, current))
                        .start());
            }
            return running;
        }

        /**
         * Starts the agent, stops it gracefully when the JVM is asked to exit, and blocks until then; ends the
         * process with the statuses that {@link RealtimeAgents#run run} documents when the agent cannot start.
         */
        public void runUntilStopped() {
            RunningAgent running;
            try {
                running = start();
            } catch (ConfigurationException e) {
                LOG.error("The agent cannot start. {}", e.getMessage());
                System.exit(EXIT_INVALID_CONFIGURATION);
                return;
            } catch (RuntimeException e) {
                LOG.error("The agent cannot start: {}", e.toString(), e);
                System.exit(EXIT_START_FAILED);
                return;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(running::close, "realtime-agent-shutdown"));
            try {
                running.awaitTermination();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running.close();
            }
        }

        /**
         * Defaults, {@code application.yml}, environment and arguments; then, when {@code REALTIME_PLATFORM} names a
         * platform, its secrets on top (Kafka required when realtime is enabled, MQTT when the configuration
         * subscribes or bridges; the others optional).
         */
        private Loaded load(Class<?> agentClass) {
            String name = serviceName != null ? serviceName : defaultServiceName(agentClass);
            ConfigLoader loader =
                    ConfigLoader.standard().withArguments(args).withFallback(AgentSettings.SERVICE_NAME, name);
            if (environment != null) {
                loader.withEnvironment(environment);
            }
            AgentConfig.Builder builder = loader.builder();
            String platform = builder.value(AgentSettings.REALTIME_PLATFORM);
            if (platform == null) {
                return new Loaded(builder.build(), null, null);
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
            AgentConfig built = builder.build();
            Function<PlatformSecrets, AgentConfig> reconfigure = changed -> {
                AgentConfig.Builder fresh = loader.builder();
                SecretConfigurer.apply(fresh, changed);
                return fresh.build();
            };
            return new Loaded(
                    built, PlatformSecretWatcher.builder(secrets, loaded).usedServices(used), reconfigure);
        }

        private static void secretChanged(
                RunningAgent running, Loaded loaded, PlatformService service, PlatformSecrets current) {
            AgentConfig next;
            try {
                next = loaded.reconfigure(current);
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

        /**
         * A configuration, the watcher to start for its platform secrets and how to rebuild the configuration with
         * changed secrets (both null without a platform).
         */
        private record Loaded(
                AgentConfig config,
                PlatformSecretWatcher.Builder watch,
                Function<PlatformSecrets, AgentConfig> reconfigure) {
            AgentConfig reconfigure(PlatformSecrets secrets) {
                return reconfigure.apply(secrets);
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
}
