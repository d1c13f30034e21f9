package io.realtimeagents.agent.internal.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The outputs of one handler attempt: every Kafka send, emit, broadcast or MQTT publish that the handler started on
 * its own thread (the attempt is bound to it while the handler runs) or attached through its context. The message
 * counts as handled only when all of them were acknowledged by their brokers; one that fails makes the handling fail.
 *
 * <p>Outputs are attached from the handler's thread and, through the context, possibly from others; {@link #outputs}
 * is called once the handler returned.
 */
public final class Handling implements AutoCloseable {
    private static final ThreadLocal<Handling> CURRENT = new ThreadLocal<>();
    private static final CompletableFuture<Void> NONE = CompletableFuture.completedFuture(null);

    private final Handling outer;
    private final byte[] inboundKey;
    private final Propagation propagation;
    private final List<CompletableFuture<?>> started = new ArrayList<>(2); // guarded by this
    private boolean sealed; // guarded by this

    private Handling(Handling outer, byte[] inboundKey, Propagation propagation) {
        this.outer = outer;
        this.inboundKey = inboundKey;
        this.propagation = propagation;
    }

    /**
     * Starts collecting the outputs of a handler attempt on this thread; close it when the handler returned.
     *
     * @param inboundKey the key of the message being handled (a Kafka record's key), or null when it has none
     * @param propagation what the outputs of the handling carry (its correlation id), or null
     */
    public static Handling open(byte[] inboundKey, Propagation propagation) {
        Handling handling = new Handling(CURRENT.get(), inboundKey, propagation);
        CURRENT.set(handling);
        return handling;
    }

    /**
     * The key of the message whose handler runs on this thread, or null when none runs or the message has no key:
     * events emitted while handling a keyed record are keyed by it, so the events about one key keep its order.
     */
    public static byte[] inboundKey() {
        Handling current = CURRENT.get();
        return current == null ? null : current.inboundKey;
    }

    /** The propagation of the handling that runs on this thread, or null when none runs or it has none. */
    static Propagation currentPropagation() {
        Handling current = CURRENT.get();
        return current == null ? null : current.propagation;
    }

    /** What the outputs of this handling carry, or null. */
    public Propagation propagation() {
        return propagation;
    }

    /**
     * Makes the handling bound to this thread, if any, wait for an output.
     *
     * @param kind what kind of destination the output goes to, e.g. {@code kafka topic}
     * @param name the destination, e.g. {@code alerts}; with the kind, it names the output when it fails
     * @return the output's stage, unchanged
     */
    public static <T> CompletionStage<T> track(CompletionStage<T> output, String kind, String name) {
        Handling current = CURRENT.get();
        if (current != null) {
            current.attach(output, kind + " " + name);
        }
        return output;
    }

    /**
     * Makes this handling wait for an output, wherever it was started.
     *
     * @throws IllegalStateException when the handler already returned: the output can no longer be part of it
     */
    public <T> CompletionStage<T> attach(CompletionStage<T> output, String target) {
        CompletableFuture<T> future = output.toCompletableFuture();
        CompletableFuture<T> named = future.handle((value, error) -> {
            if (error != null) {
                throw new OutputFailedException(target, unwrap(error));
            }
            return value;
        });
        synchronized (this) {
            if (sealed) {
                throw new IllegalStateException("The handler already returned: an output to " + target
                        + " can no longer be part of its handling; attach outputs before the handler returns");
            }
            started.add(named);
        }
        return output;
    }

    /**
     * Seals the handling and returns a stage that completes when every output completed, or fails with the
     * {@link OutputFailedException} of the first output that failed.
     */
    public CompletableFuture<Void> outputs() {
        List<CompletableFuture<?>> all;
        synchronized (this) {
            sealed = true;
            all = List.copyOf(started);
        }
        if (all.isEmpty()) {
            return NONE;
        }
        if (all.size() == 1) {
            return all.get(0).thenApply(value -> null);
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
    }

    /** Unbinds the handling from this thread (outputs started later on it are not part of it). */
    @Override
    public void close() {
        if (outer == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(outer);
        }
    }

    /** The failure behind a completion wrapper. */
    static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof java.util.concurrent.CompletionException
                        || cause instanceof java.util.concurrent.ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
