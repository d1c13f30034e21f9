package io.realtimeagents.agent;

import io.realtimeagents.agent.internal.Checks;
import io.realtimeagents.common.ConfigurationException;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.live.WebSocketEndpoint;
import io.realtimeagents.common.task.TaskEndpoint;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
            if (config != null) {
                return AgentLifecycle.start(agent, config, description, endpoints, webSocketEndpoints);
            }
            String name = serviceName != null ? serviceName : defaultServiceName(agent.getClass());
            LoadedConfiguration loaded = LoadedConfiguration.load(args, environment, name);
            RunningAgent running =
                    AgentLifecycle.start(agent, loaded.config(), description, endpoints, webSocketEndpoints);
            loaded.watchSecrets(running);
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
    }
}
