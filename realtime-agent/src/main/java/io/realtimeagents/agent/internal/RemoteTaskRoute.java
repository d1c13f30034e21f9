package io.realtimeagents.agent.internal;

import io.opentelemetry.context.Context;
import io.realtimeagents.agent.internal.live.RemoteTasks;
import io.realtimeagents.agent.mesh.AgentRequestFailedException;
import io.realtimeagents.agent.mesh.AgentRequestTimeoutException;
import io.realtimeagents.common.PayloadDecodingException;
import io.realtimeagents.common.task.TaskRequest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * {@code POST /agents/{service}/tasks/{taskType}}: runs a task of another service over Kafka, with the request body as
 * the task request ({@code query}, {@code parameters}) and {@code ?timeout_ms=} bounding the wait (default 30 s).
 * Answers 200 with the remote task's result, 502 {@code task_failed} with the remote error, 504 {@code timeout}, 503
 * when Kafka is disabled, the agent stops or the task executor is full.
 */
final class RemoteTaskRoute {
    private final RemoteTasks remote;
    private final Executor executor;

    RemoteTaskRoute(RemoteTasks remote, Executor executor) {
        this.remote = remote;
        this.executor = executor;
    }

    /** Requests the task; the request's span is a child of {@code trace}, the HTTP request's context, when not null. */
    CompletionStage<HttpReply> run(String service, String taskType, String body, String timeoutMs, Context trace) {
        if (remote == null) {
            return CompletableFuture.completedFuture(HttpReply.error(
                    503,
                    "kafka_disabled",
                    "requests to service '" + service + "' go over Kafka, which is disabled (REALTIME_ENABLED=false)"));
        }
        TaskRequest task;
        Duration timeout;
        try {
            task = TaskRunner.decode(body).withTaskType(taskType);
            timeout = timeoutMs == null ? RemoteTasks.DEFAULT_TIMEOUT : Duration.ofMillis(Long.parseLong(timeoutMs));
            if (timeout.isNegative() || timeout.isZero()) {
                throw new NumberFormatException("not positive");
            }
        } catch (PayloadDecodingException e) {
            return CompletableFuture.completedFuture(HttpReply.error(
                    400, "invalid_json", "The request body is not a valid task request: " + e.getMessage()));
        } catch (NumberFormatException e) {
            return CompletableFuture.completedFuture(HttpReply.error(
                    400, "invalid_timeout", "timeout_ms must be a positive number of milliseconds, not " + timeoutMs));
        }
        CompletableFuture<HttpReply> reply = new CompletableFuture<>();
        try {
            // Off the event loop: the first request of an agent connects its reader of replies.
            Runnable send = () -> remote.request(service, task, timeout)
                    .whenComplete((result, failure) ->
                            reply.complete(failure == null ? HttpReply.ok(result) : failed(failure)));
            executor.execute(trace == null ? send : trace.wrap(send));
        } catch (RejectedExecutionException e) {
            reply.complete(HttpReply.error(503, "busy", e.getMessage()).withHeader("Retry-After", "1"));
        }
        return reply;
    }

    private static HttpReply failed(Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof AgentRequestTimeoutException) {
            return HttpReply.error(504, "timeout", cause.getMessage());
        }
        if (cause instanceof AgentRequestFailedException) {
            return HttpReply.error(502, "task_failed", cause.getMessage());
        }
        return HttpReply.error(503, "request_failed", cause.getMessage());
    }
}
