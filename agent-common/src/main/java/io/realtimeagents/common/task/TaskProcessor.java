package io.realtimeagents.common.task;

/** Does the work of a task request. */
@FunctionalInterface
public interface TaskProcessor {
    /**
     * Processes one task request.
     *
     * @param request the request; its task type is one the agent supports
     * @return the result data, any JSON-compatible value (a record, a map, a list, a string)
     * @throws io.realtimeagents.common.InvalidTaskInputException when the request's input is invalid (a missing or bad
     *     parameter): the caller gets the message as the reason (HTTP 400), and nothing is logged as a failure
     * @throws Exception when the task fails; the caller receives a result with status {@code failed}, the message and
     *     the exception's class, and the failure is logged with its stack trace
     */
    Object process(TaskRequest request) throws Exception;
}
