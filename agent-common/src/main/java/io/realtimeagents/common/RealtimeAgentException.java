package io.realtimeagents.common;

/**
 * Root of every exception Realtime Agents throws. Messages say what failed, the offending value (never a secret) and
 * how to fix it.
 */
public class RealtimeAgentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message that says what failed and how to fix it. */
    public RealtimeAgentException(String message) {
        super(message);
    }

    /** Creates an exception with a message and the underlying cause. */
    public RealtimeAgentException(String message, Throwable cause) {
        super(message, cause);
    }
}
