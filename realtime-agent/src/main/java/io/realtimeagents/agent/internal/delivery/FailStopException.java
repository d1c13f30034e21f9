package io.realtimeagents.agent.internal.delivery;

/** Consuming stopped because a message failed for good and {@code HANDLER_FAILURE_STRATEGY} is {@code fail-stop}. */
public final class FailStopException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, e.g. {@code record t-0@5}
     * @param reason the failure's reason, one of the {@code REASON_*} values of the dead-letter headers
     */
    FailStopException(String message, String reason) {
        super(
                "Handling of " + message + " failed for good (" + reason + ") with HANDLER_FAILURE_STRATEGY=fail-stop",
                null,
                false,
                false);
    }
}
