package io.realtimeagents.benchmarks.mesh;

import io.realtimeagents.benchmarks.fanout.LatencyHistogram;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Sends requests through a caller and measures their round trips, after a warm-up that is not counted: closed loop
 * (a fixed number outstanding, each reply sending the next) for the throughput, or open loop at a fixed rate, each
 * round trip measured from the time its request was due, so a stalled sender does not hide its delay.
 */
final class Load {
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);

    private final Supplier<CompletionStage<?>> caller;
    private final LatencyHistogram micros = new LatencyHistogram(); // guarded by itself
    private final AtomicLong failures = new AtomicLong();
    private volatile long measuredFrom = Long.MAX_VALUE;
    private volatile long measuredUntil = Long.MAX_VALUE;

    /** @param caller sends one request; its stage completes with the reply */
    Load(Supplier<CompletionStage<?>> caller) {
        this.caller = caller;
    }

    /** Keeps {@code outstanding} requests in flight for the warm-up, then for {@code duration}. */
    LoadResult closed(int outstanding, Duration warmup, Duration duration) throws InterruptedException {
        Semaphore permits = new Semaphore(outstanding);
        long start = System.nanoTime();
        measuredFrom = start + warmup.toNanos();
        measuredUntil = measuredFrom + duration.toNanos();
        while (System.nanoTime() < measuredUntil) {
            if (permits.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                send(System.nanoTime(), permits);
            }
        }
        drain(permits, outstanding);
        return result(duration);
    }

    /** Sends {@code perSecond} requests a second, each at its due time, for the warm-up, then for {@code duration}. */
    LoadResult paced(long perSecond, Duration warmup, Duration duration) throws InterruptedException {
        Schedule schedule = new Schedule(System.nanoTime(), perSecond);
        measuredFrom = schedule.start() + warmup.toNanos();
        measuredUntil = measuredFrom + duration.toNanos();
        Semaphore done = new Semaphore(0);
        long sent = 0;
        for (long due = schedule.due(0); due < measuredUntil; due = schedule.due(++sent)) {
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            send(due, done);
        }
        drain(done, Math.toIntExact(sent));
        return result(duration);
    }

    private void send(long due, Semaphore done) {
        caller.get().whenComplete((reply, failure) -> {
            long now = System.nanoTime();
            if (due >= measuredFrom && due < measuredUntil) {
                if (failure != null) {
                    failures.incrementAndGet();
                } else {
                    synchronized (micros) {
                        micros.record((now - due) / 1_000);
                    }
                }
            }
            done.release();
        });
    }

    private void drain(Semaphore permits, int count) throws InterruptedException {
        if (!permits.tryAcquire(count, DRAIN_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new IllegalStateException(
                    "Requests still had no reply " + DRAIN_TIMEOUT + " after the end of the run: see the logs");
        }
    }

    private LoadResult result(Duration duration) {
        synchronized (micros) {
            return LoadResult.of(micros, duration.toNanos(), failures.get());
        }
    }

    /**
     * When each request of an open loop is due: the {@code n}th at {@code start + n / perSecond}, whatever happened
     * to the ones before.
     *
     * @param start the first one's time, {@link System#nanoTime()}
     * @param perSecond requests per second
     */
    record Schedule(long start, long perSecond) {
        Schedule {
            if (perSecond < 1) {
                throw new IllegalArgumentException("perSecond must be positive, not " + perSecond);
            }
        }

        /** The due time of request {@code n}, counted from 0. */
        long due(long n) {
            return start + n / perSecond * 1_000_000_000L + n % perSecond * 1_000_000_000L / perSecond;
        }
    }
}
