package io.realtimeagents.benchmarks.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.realtimeagents.benchmarks.kafka.LatencyRecorder.Latencies;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LatencyRecorderTest {
    private static final Instant START = Instant.parse("2026-12-02T06:00:00Z");

    /** A clock the test moves. */
    private static final class TestClock extends Clock {
        private Instant now = START;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final TestClock clock = new TestClock();
    private final LatencyRecorder recorder = new LatencyRecorder(clock);

    @Test
    void latencies_ofHundredReadings_givePercentilesInMilliseconds() {
        recorder.start(START);
        // Readings sent at START, handled after 1, 2, ... 100 ms.
        for (int millis = 1; millis <= 100; millis++) {
            clock.now = START.plusMillis(millis);
            recorder.handled(Reading.sample(millis).at(START));
        }

        Latencies latencies = recorder.latencies();

        assertEquals(100, latencies.count());
        assertEquals(50, latencies.p50Millis(), 50 * 0.016, "median within the histogram's 1.6%");
        assertEquals(99, latencies.p99Millis(), 99 * 0.016, "p99 within the histogram's 1.6%");
        assertEquals(100, latencies.maxMillis(), 1e-9, "the maximum is exact");
        assertEquals(0, latencies.maxSentAtSeconds(), 1e-9);
    }

    @Test
    void handled_beforeStart_orStampedBeforeIt_isNotCounted() {
        clock.now = START.plusSeconds(1);
        recorder.handled(Reading.sample(0).at(START)); // not started yet
        recorder.start(START.plusSeconds(1));
        recorder.handled(Reading.sample(1).at(Instant.EPOCH)); // a probe
        recorder.handled(Reading.sample(2).at(START)); // sent before the start
        clock.now = START.plusSeconds(1).plus(Duration.ofMillis(12));
        recorder.handled(Reading.sample(3).at(START.plusSeconds(1)));

        Latencies latencies = recorder.latencies();

        assertEquals(1, latencies.count());
        assertEquals(12, latencies.maxMillis(), 1e-9);
        assertEquals(0, latencies.maxSentAtSeconds(), 1e-9, "the slowest was sent at the start");
    }

    @Test
    void latencies_nothingRecorded_areZero() {
        assertEquals(new Latencies(0, 0, 0, 0, 0), recorder.latencies());
    }

    @Test
    void latencies_toString_givesMillisecondsAndCount() {
        assertEquals(
                "p50 1.5 ms, p99 20.0 ms, max 31.3 ms (sent at +2.5 s; 1,200 records)",
                new Latencies(1_200, 1.5, 20, 31.25, 2.5).toString());
    }
}
