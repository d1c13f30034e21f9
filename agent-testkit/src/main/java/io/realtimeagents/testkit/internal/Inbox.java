package io.realtimeagents.testkit.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The messages a live-delivery test client received: a queue that tests take them from in order, and a history of
 * every message, which taking does not change. Safe for one receiving thread and any number of test threads.
 *
 * @param <T> the type of message
 */
public final class Inbox<T> {
    private final String kind;
    private final BlockingQueue<T> queue = new LinkedBlockingQueue<>();
    private final List<T> history = new ArrayList<>();

    /** An empty inbox; {@code kind} names its messages in assertion errors, e.g. {@code "SSE"}. */
    public Inbox(String kind) {
        this.kind = kind;
    }

    /** Adds a message to the history, then to the queue. */
    public void add(T message) {
        synchronized (history) {
            history.add(message);
        }
        queue.add(message);
    }

    /**
     * Takes the next message that matches, skipping the others.
     *
     * @param what names the expected message in the assertion error
     * @throws AssertionError when none arrives within the timeout
     */
    public T next(Predicate<? super T> matching, String what, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            T message = left <= 0 ? null : queue.poll(left, TimeUnit.NANOSECONDS);
            if (message == null) {
                throw new AssertionError("no " + kind + " message " + what + " within " + timeout);
            }
            if (matching.test(message)) {
                return message;
            }
        }
    }

    /** Takes the next message, or returns null when none arrives within the timeout. */
    public T poll(Duration timeout) throws InterruptedException {
        return queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Takes the messages not yet taken. */
    public List<T> drain() {
        List<T> all = new ArrayList<>();
        queue.drainTo(all);
        return all;
    }

    /** Every message added so far, in order, as an immutable snapshot. */
    public List<T> received() {
        synchronized (history) {
            return List.copyOf(history);
        }
    }
}
