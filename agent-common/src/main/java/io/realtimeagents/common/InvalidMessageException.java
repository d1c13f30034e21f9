package io.realtimeagents.common;

/**
 * Thrown by a handler for a message that is well formed but invalid, e.g. a heart rate of 900 bpm: retrying cannot
 * help, so the message goes straight to the dead-letter topic (reason {@code invalid}) with this exception's message,
 * and the flow continues with the next message.
 */
public class InvalidMessageException extends RealtimeAgentException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception whose message says what is wrong with the message. */
    public InvalidMessageException(String message) {
        super(message);
    }
}
