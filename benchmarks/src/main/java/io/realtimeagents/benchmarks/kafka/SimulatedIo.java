package io.realtimeagents.benchmarks.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The {@code kafka-io} benchmark's handler: checks that the reading comes after the previous one of its key, waits
 * {@code io} as a call to a database or another service would (no CPU), then passes the reading on. The readings of
 * one key have increasing timestamps, so one handled before an earlier one of its key is an order violation.
 */
final class SimulatedIo implements ReadingHandler {
    private final Duration io;
    private final ReadingHandler then;
    private final ConcurrentHashMap<String, Instant> latestByKey = new ConcurrentHashMap<>();
    private final LongAdder violations = new LongAdder();

    SimulatedIo(Duration io, ReadingHandler then) {
        this.io = io;
        this.then = then;
    }

    @Override
    public void handle(Reading reading) throws Exception {
        latestByKey.merge(reading.patientId(), reading.timestamp(), (previous, current) -> {
            if (current.isBefore(previous)) {
                violations.increment();
                return previous;
            }
            return current;
        });
        Thread.sleep(io);
        then.handle(reading);
    }

    /** Readings handled before an earlier reading of their key. */
    long orderViolations() {
        return violations.sum();
    }
}
