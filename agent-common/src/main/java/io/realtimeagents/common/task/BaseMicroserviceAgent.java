package io.realtimeagents.common.task;

import io.realtimeagents.common.UnknownTaskTypeException;
import java.util.Objects;
import java.util.Set;

/**
 * The standard agent: a service that supports some task types and processes task requests with a
 * {@link TaskProcessor}. Subclasses override {@link #supportedTaskTypes()} and {@link #createProcessor()}.
 */
public abstract class BaseMicroserviceAgent {
    private volatile TaskProcessor processor;

    /** Creates the agent; subclasses need a no-argument constructor to be started by the framework. */
    protected BaseMicroserviceAgent() {}

    /** The task types this agent supports; none by default. */
    protected Set<String> supportedTaskTypes() {
        return Set.of();
    }

    /**
     * Creates the processor of this agent's tasks, called once, on the first task. The default rejects every task;
     * override it when {@link #supportedTaskTypes()} is not empty.
     */
    protected TaskProcessor createProcessor() {
        return request -> {
            throw new UnsupportedOperationException(
                    getClass().getSimpleName() + " declares task types but does not override createProcessor()");
        };
    }

    /** The task types this agent supports, as declared by {@link #supportedTaskTypes()}. */
    public final Set<String> taskTypes() {
        return Set.copyOf(supportedTaskTypes());
    }

    /**
     * Runs a task.
     *
     * @return a result with status {@code completed}, or {@code failed} with the processor's error message
     * @throws UnknownTaskTypeException when the task type is not supported
     */
    public final TaskResult processTask(TaskRequest request) {
        Objects.requireNonNull(request, "request");
        Set<String> supported = taskTypes();
        if (request.taskType() == null || !supported.contains(request.taskType())) {
            throw new UnknownTaskTypeException(String.valueOf(request.taskType()), supported);
        }
        long start = System.nanoTime();
        try {
            Object result = processor().process(request);
            return TaskResult.completed(request, result, elapsedMillis(start));
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return TaskResult.failed(request, message, elapsedMillis(start));
        }
    }

    private TaskProcessor processor() {
        TaskProcessor current = processor;
        if (current == null) {
            synchronized (this) {
                current = processor;
                if (current == null) {
                    current = Objects.requireNonNull(
                            createProcessor(), getClass().getSimpleName() + ".createProcessor() returned null");
                    processor = current;
                }
            }
        }
        return current;
    }

    private static long elapsedMillis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
