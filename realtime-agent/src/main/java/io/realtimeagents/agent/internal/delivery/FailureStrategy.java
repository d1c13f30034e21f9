package io.realtimeagents.agent.internal.delivery;

import io.realtimeagents.agent.internal.delivery.DeadLetterPublisher.DeadLetter;
import io.realtimeagents.agent.internal.metrics.AgentMetrics;
import io.realtimeagents.common.config.HandlerFailureStrategy;

/**
 * What becomes of a message that failed for good (retries exhausted, invalid, undecodable, outputs failed), picked by
 * {@code HANDLER_FAILURE_STRATEGY}: {@link DeadLetterStrategy dead-letter}, {@link IgnoreStrategy ignore} or
 * {@link FailStopStrategy fail-stop}. Shared by the workers of every transport, so thread-safe.
 */
public interface FailureStrategy {
    /**
     * Settles a failed message.
     *
     * @param failure the message, its reason and its last error
     * @param stop the stop signal of the message's partition worker or connection
     * @return true when done with the message, so it is committed or acknowledged; false when it must be delivered
     *     again (stopped first, or the strategy stopped consuming)
     */
    boolean failed(DeadLetter failure, StopSignal stop);

    /** The strategy named by the setting. */
    static FailureStrategy of(
            HandlerFailureStrategy setting, DeadLetterPublisher deadLetters, AgentMetrics metrics, FailStop failStop) {
        return switch (setting) {
            case DEAD_LETTER -> new DeadLetterStrategy(deadLetters);
            case IGNORE -> new IgnoreStrategy(metrics);
            case FAIL_STOP -> new FailStopStrategy(failStop);
        };
    }
}
