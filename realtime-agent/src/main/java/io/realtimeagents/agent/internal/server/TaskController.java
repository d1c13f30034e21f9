package io.realtimeagents.agent.internal.server;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.realtimeagents.agent.internal.AgentRuntime;
import io.realtimeagents.agent.internal.HttpReply;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Task endpoints: {@code POST /tasks} with a task type in the body, the configured path-to-task-type routes, and
 * {@code POST /agents/{service}/tasks/{taskType}} for a task of another service. The
 * methods run on the event loop and return at once: the task itself runs on the agent's task executor.
 */
@Controller
final class TaskController {
    /** The HTTP header that carries a task request's correlation id. */
    static final String CORRELATION_ID_HEADER = "X-Correlation-Id";

    private final AgentRuntime runtime;

    TaskController(AgentRuntime runtime) {
        this.runtime = runtime;
    }

    @Post("/tasks")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
    CompletionStage<HttpResponse<String>> named(HttpRequest<?> request, @Nullable @Body String body) {
        Optional<HttpReply> denied =
                runtime.httpAccess().namedTask(body, Replies.authorization(request), Replies.accessToken(request));
        if (denied.isPresent()) {
            return CompletableFuture.completedFuture(Replies.json(denied.get()));
        }
        return runtime.endpoints()
                .runTask(body, correlationId(request), HttpTracing.extract(request))
                .thenApply(Replies::json);
    }

    /** The request's {@code X-Correlation-Id} header, or null. */
    private static String correlationId(HttpRequest<?> request) {
        return request.getHeaders().get(CORRELATION_ID_HEADER);
    }

    /** A task of another service, requested over Kafka; see {@code docs/mesh-requests.md}. */
    @Post("/agents/{service}/tasks/{taskType}")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
    CompletionStage<HttpResponse<String>> remote(
            HttpRequest<?> request,
            @PathVariable String service,
            @PathVariable String taskType,
            @Nullable @QueryValue("timeout_ms") String timeoutMs,
            @Nullable @Body String body) {
        Optional<HttpReply> denied =
                runtime.httpAccess().remoteTask(taskType, Replies.authorization(request), Replies.accessToken(request));
        if (denied.isPresent()) {
            return CompletableFuture.completedFuture(Replies.json(denied.get()));
        }
        return runtime.endpoints()
                .runRemoteTask(service, taskType, body, timeoutMs, HttpTracing.extract(request))
                .thenApply(Replies::json);
    }

    /** A body over {@code HTTP_MAX_REQUEST_BYTES}, whether announced by its Content-Length or found while reading. */
    @Error(exception = ContentLengthExceededException.class, global = true)
    HttpResponse<String> requestTooLarge() {
        return Replies.json(runtime.endpoints().requestTooLarge());
    }

    /** The catch-all POST route makes every unknown path a 405; only task paths deserve that answer. */
    @Error(status = HttpStatus.METHOD_NOT_ALLOWED, global = true)
    HttpResponse<String> methodNotAllowed(HttpRequest<?> request) {
        return Replies.json(runtime.endpoints().methodNotAllowed(request.getMethodName(), request.getPath()));
    }

    @Post("/{+path}")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
    CompletionStage<HttpResponse<String>> endpoint(HttpRequest<?> request, @Nullable @Body String body) {
        Optional<HttpReply> denied = runtime.httpAccess()
                .taskAt(request.getPath(), Replies.authorization(request), Replies.accessToken(request));
        if (denied.isPresent()) {
            return CompletableFuture.completedFuture(Replies.json(denied.get()));
        }
        return runtime.endpoints()
                .runTaskAt(request.getPath(), body, correlationId(request), HttpTracing.extract(request))
                .thenApply(Replies::json);
    }
}
