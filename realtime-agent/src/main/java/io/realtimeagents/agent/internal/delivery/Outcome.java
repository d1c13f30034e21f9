package io.realtimeagents.agent.internal.delivery;

import java.util.concurrent.CompletableFuture;

/**
 * What became of one message: finished (handled, skipped or dead-lettered) or stopped before that; when handled,
 * with the outputs its handler started, which may still be on their way to their brokers. The message counts as done
 * only once {@link #outputs()} completed normally.
 *
 * @param finished false when stopped first, so the message must be delivered again
 * @param messageType the message or event type, null when unknown
 * @param attempt the handler attempt that succeeded (1 for the first), 0 when no handler ran
 * @param propagation what the handling's outputs carry (its correlation id), null when no handler ran
 * @param outputs completes when every output was acknowledged, or fails with an {@link OutputFailedException}
 */
public record Outcome(
        boolean finished, String messageType, int attempt, Propagation propagation, CompletableFuture<Void> outputs) {
    private static final CompletableFuture<Void> NONE = CompletableFuture.completedFuture(null);

    /** Stopped before the message was done. */
    public static final Outcome STOPPED = new Outcome(false, null, 0, null, NONE);

    /** Done with nothing outstanding: skipped or dead-lettered. */
    public static final Outcome DONE = new Outcome(true, null, 0, null, NONE);

    /** Handled by the given attempt, with its outputs. */
    public static Outcome handled(
            String messageType, int attempt, Propagation propagation, CompletableFuture<Void> outputs) {
        return new Outcome(true, messageType, attempt, propagation, outputs);
    }

    /** Done or stopped, with nothing outstanding. */
    public static Outcome of(boolean finished) {
        return finished ? DONE : STOPPED;
    }

    /** Whether the message is done now: finished, and every output acknowledged. */
    public boolean isComplete() {
        return finished && outputs.isDone() && !outputs.isCompletedExceptionally();
    }

    /** The failure of the first output that failed (an {@link OutputFailedException}), or null. */
    public Throwable outputFailure() {
        if (!outputs.isCompletedExceptionally()) {
            return null;
        }
        return outputs.handle((ignored, error) -> Handling.unwrap(error)).join();
    }

    /** This outcome with its outputs combined with another handler's (several event handlers of one event). */
    public Outcome and(Outcome other) {
        if (!other.finished) {
            return other;
        }
        CompletableFuture<Void> both = other.outputs == NONE
                ? outputs
                : outputs == NONE ? other.outputs : CompletableFuture.allOf(outputs, other.outputs);
        String type = messageType != null ? messageType : other.messageType;
        Propagation carried = propagation != null ? propagation : other.propagation;
        return new Outcome(true, type, Math.max(attempt, other.attempt), carried, both);
    }
}
