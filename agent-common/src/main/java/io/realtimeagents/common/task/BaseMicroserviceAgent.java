package io.realtimeagents.common.task;

import io.realtimeagents.common.InvalidTaskInputException;
import io.realtimeagents.common.UnknownTaskTypeException;
import io.realtimeagents.common.internal.Checks;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standard agent: a service that supports some task types and processes task requests with a
 * {@link TaskProcessor}. Declare each task type in one place with {@link #onTask onTask(type, description,
 * processor)}; code ported from the Python reference may instead override {@link #supportedTaskTypes()} and
 * {@link #createProcessor()}, which keep working (a type is declared one way or the other, not both).
 */
public abstract class BaseMicroserviceAgent {
    private static final Logger LOG = LoggerFactory.getLogger(BaseMicroserviceAgent.class);

    private volatile TaskProcessor processor;
    private volatile Map<String, DeclaredTask> declared = Map.of(); // replaced whole under the lock of this

    /** A task type declared with {@link #onTask}. */
    private record DeclaredTask(String description, TaskProcessor processor) {}

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

    /**
     * Declares a task type: what it does and the processor that runs it. The description says what the task does to
     * whoever calls it (it is shown by the agent's status and becomes the task's description for other agents).
     * Declare tasks where handlers are registered, e.g. in {@code initialize()}.
     *
     * @throws IllegalArgumentException when the type is blank, already declared, or also returned by
     *     {@link #supportedTaskTypes()}
     */
    protected final void onTask(String taskType, String description, TaskProcessor processor) {
        Checks.notBlank(taskType, "taskType");
        Checks.notNull(description, "description");
        Checks.notNull(processor, "processor");
        if (supportedTaskTypes().contains(taskType)) {
            throw new IllegalArgumentException(
                    "Task type '" + taskType + "' is returned by " + getClass().getSimpleName()
                            + ".supportedTaskTypes() and declared with onTask: keep one of the two");
        }
        synchronized (this) {
            if (declared.containsKey(taskType)) {
                throw new IllegalArgumentException("Task type '" + taskType + "' is declared twice with onTask");
            }
            Map<String, DeclaredTask> next = new LinkedHashMap<>(declared);
            next.put(taskType, new DeclaredTask(description, processor));
            declared = Collections.unmodifiableMap(next);
        }
    }

    /** The task types this agent supports: those declared with {@link #onTask} and those of {@link #supportedTaskTypes()}. */
    public final Set<String> taskTypes() {
        Set<String> all = new LinkedHashSet<>(declared.keySet());
        all.addAll(supportedTaskTypes());
        return Collections.unmodifiableSet(all);
    }

    /**
     * What each supported task type does, in declaration order: the descriptions given to {@link #onTask}, and an
     * empty one for the types of {@link #supportedTaskTypes()}.
     */
    public final Map<String, String> taskDescriptions() {
        Map<String, String> descriptions = new LinkedHashMap<>();
        declared.forEach((type, task) -> descriptions.put(type, task.description()));
        supportedTaskTypes().forEach(type -> descriptions.putIfAbsent(type, ""));
        return Collections.unmodifiableMap(descriptions);
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
        Checks.notNull(request, "request");
        Set<String> supported = taskTypes();
        if (request.taskType() == null || !supported.contains(request.taskType())) {
            throw new UnknownTaskTypeException(String.valueOf(request.taskType()), supported);
        }
        long start = System.nanoTime();
        try {
            DeclaredTask task = declared.get(request.taskType());
            Object result = (task != null ? task.processor() : processor()).process(request);
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
