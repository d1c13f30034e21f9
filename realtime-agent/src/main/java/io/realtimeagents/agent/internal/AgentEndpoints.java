package io.realtimeagents.agent.internal;

import io.opentelemetry.context.Context;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/** The answers of an agent's HTTP endpoints, for the server package: health, probes, status, agents, tasks, metrics. */
public final class AgentEndpoints {
    private final AgentWiring parts;
    private final AgentHealth health;
    private final AgentMesh mesh;
    private final RemoteTaskRoute remoteTasks;
    private final Supplier<AgentConfig> config;

    AgentEndpoints(
            AgentWiring parts,
            AgentHealth health,
            AgentMesh mesh,
            RemoteTaskRoute remoteTasks,
            Supplier<AgentConfig> config) {
        this.parts = parts;
        this.health = health;
        this.mesh = mesh;
        this.remoteTasks = remoteTasks;
        this.config = config;
    }

    /** {@code GET /health}: the reference's fields; 503 when not alive. */
    public HttpReply health() {
        return health.health();
    }

    /** {@code GET /health/live}: fails only when the consumer loop died or stopped polling; pauses do not count. */
    public HttpReply liveness() {
        return health.liveness();
    }

    /** {@code GET /health/ready}: brokers reachable and the consumer's group assignment received. */
    public HttpReply readiness() {
        return health.readiness();
    }

    /** {@code GET /realtime/status}. */
    public HttpReply status() {
        return health.status();
    }

    /** {@code GET /realtime/connections}: live connections and subscribers per topic. */
    public HttpReply connections() {
        return HttpReply.ok(parts.live().connections());
    }

    /** {@code GET /realtime/agents}: the live agent instances this agent sees. */
    public HttpReply agents() {
        return mesh.agents();
    }

    /** {@code GET /metrics}: the Prometheus text format. */
    public String scrape() {
        return parts.metrics().scrape();
    }

    /**
     * {@code POST <path>} of a task endpoint; the task runs on the task executor, never on the calling thread.
     *
     * @param correlationId the request's {@code X-Correlation-Id} header, or null
     * @param trace the trace context of the request's headers when tracing is active, else null
     */
    public CompletionStage<HttpReply> runTaskAt(String path, String body, String correlationId, Context trace) {
        return parts.tasks().runAt(path, body, correlationId, trace);
    }

    /** A request whose body is larger than {@code HTTP_MAX_REQUEST_BYTES}: 413. */
    public HttpReply requestTooLarge() {
        return HttpReply.error(
                413,
                "request_too_large",
                "The request body is larger than the limit of " + config.get().get(AgentSettings.HTTP_MAX_REQUEST_BYTES)
                        + " bytes (HTTP_MAX_REQUEST_BYTES): send a smaller body or raise the limit");
    }

    /** A request whose method its path does not take. */
    public HttpReply methodNotAllowed(String method, String path) {
        return parts.tasks().methodNotAllowed(method, path);
    }

    /** {@code POST /agents/{service}/tasks/{taskType}}: a task of another service, requested over Kafka. */
    public CompletionStage<HttpReply> runRemoteTask(
            String service, String taskType, String body, String timeoutMs, Context trace) {
        return remoteTasks.run(service, taskType, body, timeoutMs, trace);
    }

    /** {@code POST /tasks}: a task request naming its task type; run like {@link #runTaskAt}. */
    public CompletionStage<HttpReply> runTask(String body, String correlationId, Context trace) {
        return parts.tasks().runNamed(body, correlationId, trace);
    }
}
