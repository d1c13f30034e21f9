package io.realtimeagents.agent.internal.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.realtimeagents.agent.mesh.AgentRequestFailedException;
import io.realtimeagents.agent.mesh.AgentRequestTimeoutException;
import io.realtimeagents.common.RealtimeAgentException;
import io.realtimeagents.common.task.TaskResult;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PendingRequestsTest {
    private static final Duration LONG = Duration.ofSeconds(30);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PendingRequests pending = new PendingRequests("me", registry);

    @AfterEach
    void close() {
        pending.close();
    }

    @Test
    void replyToThisInstance_completesTheRequestWithItsResult() throws Exception {
        CompletableFuture<TaskResult> request = pending.register("c1", "pricing", "quote", LONG);

        pending.complete(new ReplyEnvelope("c1", "me", result("c1", TaskResult.COMPLETED, null)));

        assertThat(request.get(1, TimeUnit.SECONDS).correlationId()).isEqualTo("c1");
        assertThat(pending.size()).isZero();
        assertThat(unmatched()).isZero();
    }

    @Test
    void failedResult_failsTheRequestWithTheRemoteError() {
        CompletableFuture<TaskResult> request = pending.register("c1", "pricing", "quote", LONG);

        pending.complete(new ReplyEnvelope("c1", "me", result("c1", TaskResult.FAILED, "out of stock")));

        assertThatThrownBy(() -> request.get(1, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(AgentRequestFailedException.class)
                .hasMessage("Task 'quote' of service 'pricing' failed: out of stock (java.lang.IllegalStateException)");
    }

    @Test
    void unknownExpiredOrForeignReplies_areCountedAndDropped() throws Exception {
        CompletableFuture<TaskResult> request = pending.register("c1", "pricing", "quote", Duration.ofMillis(20));
        assertThatThrownBy(() -> request.get(5, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(AgentRequestTimeoutException.class)
                .hasMessageContaining("'pricing'")
                .hasMessageContaining("'quote'")
                .hasMessageContaining("20 ms");
        CompletableFuture<TaskResult> other = pending.register("c2", "pricing", "quote", LONG);

        pending.complete(new ReplyEnvelope("c1", "me", result("c1", TaskResult.COMPLETED, null))); // expired
        pending.complete(new ReplyEnvelope("c9", "me", result("c9", TaskResult.COMPLETED, null))); // unknown
        pending.complete(new ReplyEnvelope("c2", "someone-else", result("c2", TaskResult.COMPLETED, null)));
        pending.undecodable();

        assertThat(unmatched()).isEqualTo(4);
        assertThat(other).isNotDone();
    }

    @Test
    void stop_failsPendingRequestsAtOnceAndLaterOnesWhenMade() {
        CompletableFuture<TaskResult> request = pending.register("c1", "pricing", "quote", LONG);

        pending.stop("the agent is stopping");

        assertThat(request).isCompletedExceptionally();
        assertThatThrownBy(request::join)
                .cause()
                .isInstanceOf(RealtimeAgentException.class)
                .hasMessage("The request to service 'pricing' for task 'quote' was abandoned: the agent is stopping");
        assertThatThrownBy(
                        () -> pending.register("c2", "pricing", "quote", LONG).join())
                .cause()
                .hasMessage("Cannot request task 'quote' of service 'pricing': the agent is stopping");
    }

    private double unmatched() {
        return registry.get("realtime.replies.unmatched").counter().count();
    }

    private static TaskResult result(String correlationId, String status, String error) {
        return new TaskResult(
                "t",
                "quote",
                status,
                error == null ? "ok" : null,
                error,
                error == null ? null : IllegalStateException.class.getName(),
                1,
                Instant.now(),
                correlationId);
    }
}
