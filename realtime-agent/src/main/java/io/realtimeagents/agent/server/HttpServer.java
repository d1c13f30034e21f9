package io.realtimeagents.agent.server;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import io.realtimeagents.agent.internal.AgentRuntime;
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

    /** Starts the server on the configured port (0: a free one) serving the runtime's endpoints. */
    public static HttpServer start(AgentRuntime runtime) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.application.name", runtime.config().serviceName());
        properties.put("micronaut.server.port", runtime.config().httpPort());
        properties.put("micronaut.server.idle-timeout", "30m");
        properties.put("micronaut.server.netty.log-level", "OFF");
        properties.put("micronaut.http.client.enabled", false);
        ApplicationContext context = Micronaut.build(new String[0])
                .banner(false)
                .deduceEnvironment(false)
                .environmentPropertySource(false)
                .singletons(runtime)
                .properties(properties)
                .start();
        return new HttpServer(context);
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
