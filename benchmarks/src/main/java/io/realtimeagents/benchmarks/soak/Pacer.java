package io.realtimeagents.benchmarks.soak;

/**
 * How many sends are due at a steady rate since a start, never more than a small burst ahead of what was sent: a
 * producer held up by a fault resumes at its rate instead of flooding to catch up.
 */
final class Pacer {
    private static final long MAX_BURST = 50;

    private final long perSecond;
    private final long startNanos;
    private long sent;

    Pacer(long perSecond, long startNanos) {
        this.perSecond = perSecond;
        this.startNanos = startNanos;
    }

    /** How many to send now, at {@code nowNanos}; counts them as sent. */
    long due(long nowNanos) {
        long target = (nowNanos - startNanos) / 1_000 * perSecond / 1_000_000;
        if (target - sent > MAX_BURST) {
            sent = target - MAX_BURST; // the time lost to a fault is not made up
        }
        long due = Math.max(0, target - sent);
        sent += due;
        return due;
    }
}
