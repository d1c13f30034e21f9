package io.realtimeagents.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TaskExecutorTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void execute_withoutQueue_refusesASecondTaskWhileTheWorkerIsBusy_andCountsIt() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (TaskExecutor executor = new TaskExecutor(1, 0, registry)) {
            executor.execute(() -> {
                started.countDown();
                await(release);
            });
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

            assertThatThrownBy(() -> executor.execute(() -> {}))
                    .isInstanceOf(RejectedExecutionException.class)
                    .hasMessage("the agent is busy: all 1 task workers (TASK_WORKERS) are running tasks and no task"
                            + " may wait (TASK_QUEUE_CAPACITY=0): retry later");
            assertThat(executor.status()).containsEntry("running", 1).containsEntry("rejected", 1L);
            assertThat(registry.get("realtime.tasks.rejected").counter().count())
                    .isEqualTo(1.0);
            release.countDown();
        }
    }

    @Test
    void execute_afterClose_refusesSayingTheAgentStops() {
        TaskExecutor executor = new TaskExecutor(2, 5, registry);
        executor.close();

        assertThatThrownBy(() -> executor.execute(() -> {}))
                .isInstanceOf(RejectedExecutionException.class)
                .hasMessageContaining("shutting down");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
