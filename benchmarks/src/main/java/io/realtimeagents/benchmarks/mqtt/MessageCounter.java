package io.realtimeagents.benchmarks.mqtt;

import io.realtimeagents.benchmarks.ProcessCpu;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Counts the messages one contender received, from any number of threads. A negative heart rate marks a probe, which
 * only says that the subscription is live. Each counted message gives the publisher's window one permit back, so
 * the publisher never gets further ahead of the receiver than the broker's per-client queue holds (Mosquitto drops
 * QoS 1 messages beyond 1,000 queued ones). The clock runs from the first counted message to the target.
 */
final class MessageCounter {
    private final long target;
    private final Semaphore window;
    private final LongSupplier kafkaCpu;
    private final CountDownLatch probed = new CountDownLatch(1);
    private final CountDownLatch reached = new CountDownLatch(1);
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong startNanos = new AtomicLong();
    private final LongAdder checksum = new LongAdder();
    private volatile long startCpu;
    private volatile long startKafkaCpu;
    private volatile long endNanos;
    private volatile long endCpu;
    private volatile long endKafkaCpu;
    private volatile long checksumAtTarget;

    /**
     * @param target messages to count
     * @param window the publisher's window, released once per counted message
     * @param kafkaCpu reads the CPU time of the Kafka broker's JVM, in nanoseconds
     */
    MessageCounter(long target, Semaphore window, LongSupplier kafkaCpu) {
        this.target = target;
        this.window = window;
        this.kafkaCpu = kafkaCpu;
    }

    /** Counts one message whose reading has this heart rate (negative: a probe, not counted). */
    void add(int heartRate) {
        if (heartRate < 0) {
            probed.countDown();
            return;
        }
        if (startNanos.get() == 0 && startNanos.compareAndSet(0, System.nanoTime())) {
            startCpu = ProcessCpu.nanos();
            startKafkaCpu = kafkaCpu.getAsLong();
        }
        checksum.add(heartRate);
        window.release();
        if (count.incrementAndGet() == target) {
            endNanos = System.nanoTime();
            endCpu = ProcessCpu.nanos();
            endKafkaCpu = kafkaCpu.getAsLong();
            checksumAtTarget = checksum.sum();
            reached.countDown();
        }
    }

    /** Whether a probe arrived within the timeout. */
    boolean awaitProbe(Duration timeout) throws InterruptedException {
        return probed.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** How many messages were counted so far. */
    long count() {
        return count.get();
    }

    /**
     * Waits until the target is counted; fails when no message arrives for {@code stall} (lost messages).
     *
     * @throws TimeoutException when the count stops moving before the target
     */
    Measurement await(String contender, Duration stall) throws InterruptedException, TimeoutException {
        long last = -1;
        while (!reached.await(stall.toNanos(), TimeUnit.NANOSECONDS)) {
            long now = count.get();
            if (now == last) {
                throw new TimeoutException("The " + contender + " run counted " + now + " of " + target
                        + " messages and then nothing for " + stall + ": messages were lost or the receiver is stuck");
            }
            last = now;
        }
        return new Measurement(
                contender,
                target,
                endNanos - startNanos.get(),
                endCpu - startCpu,
                endKafkaCpu - startKafkaCpu,
                checksumAtTarget);
    }
}
