package io.realtimeagents.testkit.internal;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for client futures with a deadline and turns their failures into unchecked exceptions that say what failed. */
public final class KafkaFutures {
    private KafkaFutures() {}

    /**
     * Returns the future's value.
     *
     * @param action what the future does, for messages, such as {@code "create topic 'orders'"}
     * @throws IllegalStateException whose cause is the client's own exception when the operation failed, timed out or
     *     the thread was interrupted
     */
    public static <T> T get(Future<T> future, Duration timeout, String action) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("Could not " + action + ": " + cause.getMessage(), cause);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new IllegalStateException(
                    "Could not " + action + " within " + timeout.toMillis() + " ms: is the broker reachable?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while trying to " + action, e);
        }
    }
}
