package io.realtimeagents.agent.internal.delivery;

import java.time.Duration;

/** Exponential backoff steps shared by the retry loops of dead letters, bridges and connections. */
public final class Backoff {
    private Backoff() {}

    /** Twice {@code current}, at most {@code max}. */
    public static Duration doubled(Duration current, Duration max) {
        Duration twice = current.multipliedBy(2);
        return twice.compareTo(max) > 0 ? max : twice;
    }
}
