package io.realtimeagents.agent.hooks;

import java.time.Duration;

/**
 * What became of one handler attempt, as {@link AgentHook#afterHandling} sees it.
 *
 * @param status what became of it
 * @param duration how long the handler ran, until it returned or threw (with the check of its outputs that failed
 *     by then)
 * @param error the failure, or null when handled
 */
public record HandlingOutcome(Status status, Duration duration, Throwable error) {
    /** What became of a handler attempt. */
    public enum Status {
        /**
         * The handler returned and none of its outputs had failed by then; outputs still on their way are not awaited
         * (one that fails later is reported to {@link AgentHook#onError}).
         */
        HANDLED,
        /** The attempt failed and will be retried after the backoff. */
        RETRIED,
        /**
         * The attempt failed for good (no retries left, or invalid input); the message went to its dead-letter topic.
         */
        DEAD_LETTERED,
        /** The attempt failed for good and the message was dropped ({@code HANDLER_FAILURE_STRATEGY=ignore}). */
        IGNORED,
        /**
         * The attempt failed and the message was not settled: the agent stopped first, or the fail-stop strategy
         * stopped consuming; it is delivered again later.
         */
        FAILED
    }
}
