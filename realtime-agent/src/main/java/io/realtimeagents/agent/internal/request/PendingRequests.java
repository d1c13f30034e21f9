package io.realtimeagents.agent.internal.request;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.realtimeagents.agent.mesh.AgentRequestFailedException;
import io.realtimeagents.agent.mesh.AgentRequestTimeoutException;
import io.realtimeagents.common.RealtimeAgentException;
import io.realtimeagents.common.task.TaskResult;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The requests of this instance waiting for their replies, by correlation id. Each is completed once: by its reply,
 * by its timeout, or when the agent stops. A reply that matches none (unknown, already timed out, or addressed to
 * another instance reading the same reply partition) is counted in {@code realtime_replies_unmatched_total} and
 * dropped.
 */
final class PendingRequests implements AutoCloseable {
    private final String instanceId;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    private final Counter unmatched;
    private volatile String stopped;

    private record Pending(String service, String taskType, CompletableFuture<TaskResult> future) {}

    PendingRequests(String instanceId, MeterRegistry registry) {
        this.instanceId = instanceId;
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "realtime-request-timeouts");
            thread.setDaemon(true);
            return thread;
        });
        this.unmatched = Counter.builder("realtime.replies.unmatched")
                .description("Replies dropped because no pending request of this instance matched them (unknown,"
                        + " expired, or for another instance)")
                .register(registry);
    }

    /**
     * Registers a request; its stage fails with an {@link AgentRequestTimeoutException} when no reply came within
     * the timeout.
     */
    CompletableFuture<TaskResult> register(String correlationId, String service, String taskType, Duration timeout) {
        CompletableFuture<TaskResult> future = new CompletableFuture<>();
        String why = stopped;
        if (why != null) {
            future.completeExceptionally(new RealtimeAgentException(
                    "Cannot request task '" + taskType + "' of service '" + service + "': " + why));
            return future;
        }
        pending.put(correlationId, new Pending(service, taskType, future));
        ScheduledFuture<?> expiry = timer.schedule(
                () -> {
                    if (pending.remove(correlationId) != null) {
                        future.completeExceptionally(new AgentRequestTimeoutException(service, taskType, timeout));
                    }
                },
                timeout.toNanos(),
                TimeUnit.NANOSECONDS);
        future.whenComplete((result, error) -> expiry.cancel(false));
        if (stopped != null) {
            fail(correlationId, stopped); // stopped while registering
        }
        return future;
    }

    /** Fails a request that could not be sent. */
    void fail(String correlationId, Throwable error) {
        Pending request = pending.remove(correlationId);
        if (request != null) {
            request.future().completeExceptionally(error);
        }
    }

    private void fail(String correlationId, String why) {
        Pending request = pending.remove(correlationId);
        if (request != null) {
            request.future()
                    .completeExceptionally(new RealtimeAgentException("The request to service '" + request.service()
                            + "' for task '" + request.taskType() + "' was abandoned: " + why));
        }
    }

    /** Completes the request a reply answers; counts and drops a reply that answers none of this instance's. */
    void complete(ReplyEnvelope reply) {
        if (reply == null || reply.correlationId() == null || !instanceId.equals(reply.replyTo())) {
            unmatched.increment();
            return;
        }
        Pending request = pending.remove(reply.correlationId());
        if (request == null || reply.result() == null) {
            unmatched.increment();
            return;
        }
        TaskResult result = reply.result();
        if (result.isCompleted()) {
            request.future().complete(result);
        } else {
            request.future()
                    .completeExceptionally(new AgentRequestFailedException(
                            request.service(), request.taskType(), result.error(), result.errorType()));
        }
    }

    /** A reply that could not be decoded: counted and dropped. */
    void undecodable() {
        unmatched.increment();
    }

    /** How many requests wait for their replies. */
    int size() {
        return pending.size();
    }

    /** Fails every pending request at once with the reason, and every later one as soon as it is made. */
    void stop(String why) {
        stopped = why;
        pending.keySet().forEach(correlationId -> fail(correlationId, why));
    }

    @Override
    public void close() {
        stop("the agent stopped");
        timer.shutdownNow();
    }
}
