package io.realtimeagents.agent.internal.server;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.realtimeagents.agent.internal.AgentRuntime;
import io.realtimeagents.common.RealtimeAgentException;
import io.realtimeagents.common.config.AgentSettings;
import java.util.HashMap;
import java.util.Map;

/** Starts and stops the Micronaut HTTP server of one agent. */
public final class HttpServer implements AutoCloseable {
    private final ApplicationContext context;
    private final EmbeddedServer server;

    private HttpServer(ApplicationContext context) {
        this.context = context;
        this.server = context.getBean(EmbeddedServer.class);
    }

    private void registerLive(AgentRuntime runtime) {
        if (!(server instanceof NettyServerCustomizer.Registry registry)) {
            throw new IllegalStateException("The HTTP server is not Netty-based ("
                    + server.getClass().getName() + "): live delivery needs micronaut-http-server-netty");
        }
        registry.register(new LiveCustomizer(runtime.live()));
    }

    /** Starts the server on the configured port (0: a free one) serving the runtime's endpoints. */
    public static HttpServer start(AgentRuntime runtime) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.application.name", runtime.config().serviceName());
        properties.put("micronaut.server.port", runtime.config().httpPort());
        properties.put("micronaut.server.idle-timeout", "30m");
        properties.put("micronaut.server.max-request-size", runtime.config().get(AgentSettings.HTTP_MAX_REQUEST_BYTES));
        properties.put("micronaut.http.client.enabled", false);
        // Files under public/ on the class path (a dashboard, say) are served at /, index.html for /.
        properties.put("micronaut.router.static-resources.default.enabled", true);
        properties.put("micronaut.router.static-resources.default.mapping", "/**");
        properties.put("micronaut.router.static-resources.default.paths", "classpath:public");
        ApplicationContext context = ApplicationContext.builder()
                .deduceEnvironment(false)
                .environmentPropertySource(false)
                .singletons(runtime)
                .properties(properties)
                .start();
        try {
            HttpServer server = new HttpServer(context);
            server.registerLive(runtime);
            server.server.start();
            return server;
        } catch (RuntimeException e) {
            context.close();
            throw new RealtimeAgentException(
                    "Cannot start the HTTP server on port " + runtime.config().httpPort() + ": " + rootMessage(e)
                            + " (set HTTP_PORT to a free port, or 0 for any)",
                    e);
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }

    /** The port the server listens on. */
    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        context.close();
    }
}
