package io.realtimeagents.benchmarks.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.realtimeagents.benchmarks.fanout.LatencyHistogram;
import org.junit.jupiter.api.Test;

class LoadResultTest {
    @Test
    void of_takesThePercentilesOfTheHistogram_andTheRateOfTheWindow() {
        LatencyHistogram micros = new LatencyHistogram();
        for (long value = 1; value <= 1_000; value++) {
            micros.record(value);
        }

        LoadResult result = LoadResult.of(micros, 2_000_000_000L, 3);

        assertEquals(1_000, result.replies());
        assertEquals(500.0, result.rate(), 1e-9);
        assertTrue(Math.abs(result.p50Micros() - 500) <= 8, "p50 within a bucket: " + result.p50Micros());
        assertTrue(Math.abs(result.p99Micros() - 990) <= 16, "p99 within a bucket: " + result.p99Micros());
        assertEquals(1_000, result.p999Micros());
        assertEquals(3, result.failures());
    }

    @Test
    void parse_readsTheLineItWrote() {
        LoadResult result = new LoadResult(20_000, 20_000_000_000L, 1_800, 5_400, 9_100, 1);

        assertEquals(result, LoadResult.parse(result.line()));
    }

    @Test
    void parse_rejectsOtherLines_quotingThem() {
        IllegalArgumentException short_ =
                assertThrows(IllegalArgumentException.class, () -> LoadResult.parse("RESULT 1 2"));
        IllegalArgumentException text =
                assertThrows(IllegalArgumentException.class, () -> LoadResult.parse("RESULT 1 2 3 4 five 6"));

        assertTrue(short_.getMessage().contains("'RESULT 1 2'"), short_.getMessage());
        assertTrue(text.getMessage().contains("five"), text.getMessage());
    }
}
