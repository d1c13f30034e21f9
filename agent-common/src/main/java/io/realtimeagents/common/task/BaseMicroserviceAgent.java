package io.realtimeagents.common.task;

import io.realtimeagents.common.InvalidTaskInputException;
import io.realtimeagents.common.UnknownTaskTypeException;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standard agent: a service that supports some task types and processes task requests with a
 * {@link TaskProcessor}. Subclasses override {@link #supportedTaskTypes()} and {@link #createProcessor()}.
 */
public abstract class BaseMicroserviceAgent {
    private static final Logger LOG = LoggerFactory.getLogger(BaseMicroserviceAgent.class);

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
     * Runs a task. A processor that throws gives a {@code failed} result carrying the exception's class and message;
     * the failure is logged once, with its stack trace, task id and correlation id.
     *
     * @return a result with status {@code completed}, or {@code failed} with the processor's error
     * @throws UnknownTaskTypeException when the task type is not supported
     * @throws InvalidTaskInputException when the processor rejected the request's input
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
        } catch (InvalidTaskInputException e) {
            throw e;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            TaskResult failed = TaskResult.failed(request, e, elapsedMillis(start));
            LOG.error(
                    "Task {} of type {} (correlation id {}) failed: {}: {}",
                    request.taskId(),
                    request.taskType(),
                    request.correlationId() == null ? "none" : request.correlationId(),
                    failed.errorType(),
                    failed.error(),
                    e);
            return failed;
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
