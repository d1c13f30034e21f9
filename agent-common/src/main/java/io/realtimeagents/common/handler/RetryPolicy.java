package io.realtimeagents.common.handler;

import io.realtimeagents.common.internal.Checks;
import java.time.Duration;

/**
 * How a failed handler is retried: up to {@code maxRetries} more attempts, waiting {@code initialBackoff} before the
 * first retry and doubling up to {@code maxBackoff}. While a message waits, its partition is paused but the consumer
 * keeps polling, so a long backoff never exceeds {@code max.poll.interval.ms}.
 *
 * @param maxRetries retries after the first attempt; 0 dead-letters on the first failure
 * @param initialBackoff wait before the first retry
 * @param maxBackoff upper bound of any wait
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff) {
    /** Three retries after 200 ms, 400 ms and 800 ms. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(10));

    /** Validates the bounds. */
    public RetryPolicy {
        Checks.atLeast(maxRetries, 0, "maxRetries");
        Checks.notNegative(initialBackoff, "initialBackoff");
        Checks.notNegative(maxBackoff, "maxBackoff");
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException(
                    "maxBackoff (" + maxBackoff + ") must not be shorter than initialBackoff (" + initialBackoff + ")");
        }
    }

    /** Whether a message that failed on the given attempt (1-based) gets another attempt. */
    public boolean shouldRetry(int failedAttempt) {
        return failedAttempt <= maxRetries;
    }

    /** The wait before the attempt after the given failed attempt (1-based): exponential, capped. */
    public Duration backoffAfter(int failedAttempt) {
        long initial = initialBackoff.toMillis();
        int shift = Math.min(Math.max(failedAttempt - 1, 0), 30);
        long millis = initial > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : initial << shift;
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }
}
