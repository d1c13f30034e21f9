package io.realtimeagents.benchmarks.kafka;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts readings from the agent's handlers, which run on several partition threads at once. Handlers wait at a gate
 * until {@link #open()}, so the agent's HTTP server start-up does not compete with the timed run; the clock starts
 * when the first reading is counted and stops at the target.
 */
final class ReadingCounter {
    private final long target;
    private final CpuTime.Clock cpuClock;
    private final CountDownLatch gate = new CountDownLatch(1);
    private final CountDownLatch reached = new CountDownLatch(1);
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong startNanos = new AtomicLong();
    private final LongAdder checksum = new LongAdder();
    private volatile boolean counting;
    private volatile long checksumAtTarget;
    private volatile long endNanos;
    private volatile CpuTime startCpu;
    private volatile CpuTime endCpu;

    ReadingCounter(long target, CpuTime.Clock cpuClock) {
        this.target = target;
        this.cpuClock = cpuClock;
    }

    /** Counts one reading; blocks until the gate opens. */
    void add(Reading reading) throws InterruptedException {
        if (!counting) {
            gate.await();
            if (startNanos.compareAndSet(0, System.nanoTime())) {
                startCpu = cpuClock.now();
            }
            counting = true;
        }
        checksum.add(reading.heartRate());
        if (count.incrementAndGet() == target) {
            endNanos = System.nanoTime();
            endCpu = cpuClock.now();
            checksumAtTarget = checksum.sum();
            reached.countDown();
        }
    }

    /** Lets the handlers count. */
    void open() {
        gate.countDown();
    }

    /**
     * Waits until the target is counted, then reads the metrics of the consumer whose client id matches
     * {@code consumerClientId}.
     *
     * @throws TimeoutException when it is not counted in time
     */
    Measurement await(String contender, String consumerClientId, Duration timeout)
            throws InterruptedException, TimeoutException {
        if (!reached.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new TimeoutException(
                    "The " + contender + " counted " + count.get() + " of " + target + " records in " + timeout);
        }
        return new Measurement(
                contender,
                target,
                endNanos - startNanos.get(),
                endCpu.since(startCpu),
                checksumAtTarget,
                ConsumerMetrics.describe(consumerClientId));
    }
}
