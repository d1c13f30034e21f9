package io.realtimeagents.testkit;

import io.realtimeagents.testkit.internal.Checks;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Polls a condition until it holds or a deadline passes: the way tests wait, instead of sleeping a fixed time. */
public final class Await {
    /** How long to pause between two evaluations of the condition. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(25);

    private Await() {}

    /**
     * Evaluates {@code condition} every {@link #DEFAULT_POLL_INTERVAL} until it returns {@code true}.
     *
     * @param timeout how long to keep trying; positive
     * @param description what is awaited, in words, for the failure message
     * @param condition the condition; exceptions it throws end the wait and propagate
     * @throws AssertionError if the condition is still false when the timeout has passed
     */
    public static void await(Duration timeout, String description, BooleanSupplier condition) {
        Checks.positive(timeout, "timeout");
        Checks.notNull(description, "description");
        Checks.notNull(condition, "condition");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError(
                        "Timed out after " + timeout.toMillis() + " ms waiting for " + description + ".");
            }
            pause();
        }
    }

    private static void pause() {
        LockSupport.parkNanos(DEFAULT_POLL_INTERVAL.toNanos());
        if (Thread.currentThread().isInterrupted()) {
            throw new IllegalStateException("Interrupted while waiting", new InterruptedException());
        }
    }
}
