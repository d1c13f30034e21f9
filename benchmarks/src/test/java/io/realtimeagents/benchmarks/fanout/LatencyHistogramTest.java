package io.realtimeagents.benchmarks.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {
    @Test
    void index_eachValue_fallsInsideItsBucket() {
        long[] values = {0, 1, 127, 128, 129, 255, 256, 1_000, 65_535, 1_000_000, 123_456_789, Long.MAX_VALUE};
        for (long value : values) {
            int index = LatencyHistogram.index(value);
            assertTrue(
                    LatencyHistogram.lowest(index) <= value && value <= LatencyHistogram.highest(index),
                    value + " should lie in bucket " + index + " [" + LatencyHistogram.lowest(index) + ", "
                            + LatencyHistogram.highest(index) + "]");
        }
        assertEquals(LatencyHistogram.BUCKETS - 1, LatencyHistogram.index(Long.MAX_VALUE));
    }

    @Test
    void buckets_followEachOtherWithoutGapsOrOverlaps() {
        for (int i = 1; i < LatencyHistogram.BUCKETS; i++) {
            assertEquals(
                    LatencyHistogram.highest(i - 1) + 1,
                    LatencyHistogram.lowest(i),
                    "bucket " + i + " should start where bucket " + (i - 1) + " ends");
        }
    }

    @Test
    void clear_forgetsEveryValue() {
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.record(5_000_000);
        histogram.clear();
        histogram.record(1_000);

        assertEquals(1, histogram.count());
        assertEquals(1_000, histogram.max());
        assertEquals(1_000, histogram.percentile(99));
    }

    @Test
    void percentile_ofUniformValues_isWithinTheBucketWidth() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (long micros = 1; micros <= 10_000; micros++) {
            histogram.record(micros * 1_000);
        }
        assertClose(5_000_000, histogram.percentile(50));
        assertClose(9_900_000, histogram.percentile(99));
        assertClose(9_990_000, histogram.percentile(99.9));
        assertEquals(10_000_000, histogram.percentile(100), "the top percentile is the exact maximum");
        assertEquals(10_000_000, histogram.max());
        assertEquals(10_000, histogram.count());
    }

    @Test
    void percentile_whenEmpty_isZero() {
        assertEquals(0, new LatencyHistogram().percentile(99));
    }

    @Test
    void record_negativeValue_countsAsZero() {
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.record(-5);
        assertEquals(0, histogram.percentile(50));
        assertEquals(1, histogram.count());
    }

    @Test
    void add_and_encodeDecode_keepCountsAndMaximum() {
        LatencyHistogram first = new LatencyHistogram();
        LatencyHistogram second = new LatencyHistogram();
        for (int i = 0; i < 100; i++) {
            first.record(1_000 + i);
            second.record(50_000_000 + i);
        }
        first.add(second);
        LatencyHistogram decoded = LatencyHistogram.decode(first.encode());
        assertEquals(200, decoded.count());
        assertEquals(first.max(), decoded.max());
        assertEquals(first.percentile(50), decoded.percentile(50));
        assertEquals(first.percentile(99), decoded.percentile(99));
        assertClose(50_000_099, decoded.percentile(99));
    }

    @Test
    void decode_invalidText_namesIt() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> LatencyHistogram.decode("12;x:1,"));
        assertTrue(e.getMessage().startsWith("Invalid histogram text '12;x:1,'"), e.getMessage());
    }

    private static void assertClose(long expected, long actual) {
        assertTrue(Math.abs(actual - expected) <= expected / 64, actual + " should be within 1/64 of " + expected);
    }
}
