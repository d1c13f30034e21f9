package io.realtimeagents.agent.support;

import io.realtimeagents.agent.RealtimeAgent;
import io.realtimeagents.common.InvalidTaskInputException;
import io.realtimeagents.common.task.TaskProcessor;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Task {@code hold} holds its task thread until the test releases it (and says so: {@code released}); task
 * {@code check} needs a {@code patient_id}: the agent of the task executor's tests.
 */
public final class HoldingAgent extends RealtimeAgent {
    /** A permit for every {@code hold} task that started. */
    public final Semaphore started = new Semaphore(0);
    /** Releases every {@code hold} task. */
    public final CountDownLatch release = new CountDownLatch(1);

    @Override
    protected Set<String> supportedTaskTypes() {
        return Set.of("hold", "check");
    }

    @Override
    protected TaskProcessor createProcessor() {
        return request -> {
            if (request.taskType().equals("check")) {
                if (!request.parameters().containsKey("patient_id")) {
                    throw new InvalidTaskInputException("parameters.patient_id is required");
                }
                return Map.of("checked", true);
            }
            started.release();
            return Map.of("released", release.await(60, TimeUnit.SECONDS));
        };
    }
}
