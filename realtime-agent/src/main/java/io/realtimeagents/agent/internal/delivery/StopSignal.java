package io.realtimeagents.agent.internal.delivery;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Tells long waits (retry backoff, dead-letter retries) that their partition was revoked, their MQTT connection was
 * lost, or the agent stops.
 */
public final class StopSignal {
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean waiting;

    /** Stops every current and later wait. */
    public void stop() {
        stopped.countDown();
    }

    /** Whether {@link #stop()} was called. */
    public boolean isStopped() {
        return stopped.getCount() == 0;
    }

    /** Whether a retry or dead-letter backoff is waiting now (its partition should be paused meanwhile). */
    public boolean isWaiting() {
        return waiting;
    }

    /** Waits the given time; returns true when stopped meanwhile (or before). */
    public boolean awaitStop(Duration wait) {
        waiting = true;
        try {
            return stopped.await(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } finally {
            waiting = false;
        }
    }
}
