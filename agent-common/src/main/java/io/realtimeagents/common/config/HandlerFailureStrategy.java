package io.realtimeagents.common.config;

import java.util.Locale;

/**
 * What happens to a message that failed for good: its handler's retries are exhausted, it is invalid, it cannot be
 * decoded, or its outputs kept failing. Messages without a handler follow {@link UnhandledMessagePolicy} instead.
 */
public enum HandlerFailureStrategy {
    /**
     * Write it to its dead-letter topic with the reason and the error, then commit or acknowledge it (the default):
     * nothing is lost, and the topic goes on.
     */
    DEAD_LETTER,
    /** Log and count it, then commit or acknowledge it without a dead letter: for data that may be dropped. */
    IGNORE,
    /**
     * Stop consuming and turn unhealthy and not ready, without committing or acknowledging the message: it is
     * delivered again once the agent is restarted (by its orchestrator, on the failed liveness probe).
     */
    FAIL_STOP;

    static HandlerFailureStrategy parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** The configuration spelling, e.g. {@code fail-stop}. */
    public String text() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
