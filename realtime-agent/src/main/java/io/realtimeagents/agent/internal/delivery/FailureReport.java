package io.realtimeagents.agent.internal.delivery;

import io.realtimeagents.agent.hooks.HandlingInfo;
import io.realtimeagents.agent.hooks.HandlingOutcome;
import io.realtimeagents.agent.hooks.HandlingOutcome.Status;
import io.realtimeagents.agent.internal.delivery.MessageDispatcher.Retry;
import java.time.Duration;

/**
 * A failed attempt to report to the hooks, made only when there are hooks.
 *
 * @param info the attempt
 * @param elapsed how long it ran, in nanoseconds
 */
record FailureReport(HandlingInfo info, long elapsed) {
    /** What became of the attempt, given what follows it. */
    HandlingOutcome outcome(Retry next, boolean ignoring, Throwable failure) {
        Status status = switch (next) {
            case AGAIN -> Status.RETRIED;
            case SETTLED -> ignoring ? Status.IGNORED : Status.DEAD_LETTERED;
            case STOPPED -> Status.FAILED;
        };
        return new HandlingOutcome(status, Duration.ofNanos(elapsed), failure);
    }
}
