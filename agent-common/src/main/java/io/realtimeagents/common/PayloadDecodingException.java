package io.realtimeagents.common;

/**
 * A message body could not be turned into the payload its handler expects (malformed JSON, wrong shape, or no message
 * type). Such messages are never retried: they go straight to the dead-letter topic with this message as the reason.
 */
public final class PayloadDecodingException extends RealtimeAgentException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception whose message says what could not be decoded and why. */
    public PayloadDecodingException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Creates an exception without an underlying cause. */
    public PayloadDecodingException(String message) {
        super(message);
    }
}
