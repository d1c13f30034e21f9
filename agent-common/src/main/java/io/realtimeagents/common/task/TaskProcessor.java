package io.realtimeagents.common.task;

/** Does the work of a task request. */
@FunctionalInterface
public interface TaskProcessor {
    /**
     * Processes one task request.
     *
     * @param request the request; its task type is one the agent supports
     * @return the result data, any JSON-compatible value (a record, a map, a list, a string)
     * @throws Exception when the task fails; the caller receives a result with status {@code failed} and the message
     */
    Object process(TaskRequest request) throws Exception;
}
