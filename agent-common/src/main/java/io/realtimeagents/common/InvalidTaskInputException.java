package io.realtimeagents.common;

/**
 * Thrown by a {@link io.realtimeagents.common.task.TaskProcessor} that rejects its task request, e.g. a missing
 * {@code patient_id} parameter: the caller is at fault and running the task again cannot help. An HTTP task endpoint
 * answers 400 {@code invalid_task_input} with this exception's message, a WebSocket {@code agent_request} an
 * {@code error} message with that code; nothing is logged as a failure. Say in the message what is wrong and what a
 * valid request looks like.
 */
public class InvalidTaskInputException extends RealtimeAgentException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception whose message says what is wrong with the task request and how to fix it. */
    public InvalidTaskInputException(String message) {
        super(message);
    }

    /** Creates an exception with a message and the problem found while reading the input. */
    public InvalidTaskInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
