package io.realtimeagents.benchmarks.fanout;

import java.util.concurrent.locks.LockSupport;

/**
 * Emits events at a steady rate on the calling thread: tick {@code i} is due {@code i / rate} seconds after the start,
 * whatever happened before, so a slow tick does not shift the later ones. A sink may refuse a tick (the plain server
 * does while the previous fan-out is still being written); the event is then not emitted and the next one keeps the
 * sequence number, so sequence numbers stay contiguous.
 */
final class Emitter {
    /** Where events go. */
    interface Sink {
        /**
         * Emits event {@code seq}.
         *
         * @param sentNanos {@link System#nanoTime()} now, carried in the message
         * @return false when the tick is skipped and nothing was emitted
         */
        boolean emit(long seq, long sentNanos);
    }

    /**
     * What one emission did.
     *
     * @param events events emitted, numbered 0 to {@code events - 1}
     * @param skippedTicks ticks the sink refused
     * @param nanos from the first tick to the last emission
     */
    record Outcome(long events, long skippedTicks, long nanos) {}

    private Emitter() {}

    /** Runs {@code ticks} ticks at {@code rate} per second and returns when the last one is done. */
    static Outcome run(Sink sink, long rate, long ticks) {
        double period = 1e9 / rate;
        long start = System.nanoTime();
        long seq = 0;
        long skipped = 0;
        for (long tick = 0; tick < ticks; tick++) {
            long due = start + Math.round(tick * period);
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            if (sink.emit(seq, System.nanoTime())) {
                seq++;
            } else {
                skipped++;
            }
        }
        return new Outcome(seq, skipped, System.nanoTime() - start);
    }
}
