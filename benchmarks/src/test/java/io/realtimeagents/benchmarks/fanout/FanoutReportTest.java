package io.realtimeagents.benchmarks.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FanoutReportTest {
    @Test
    void median_isTheMiddleValue_orTheMeanOfTheTwoMiddleOnes() {
        assertEquals(1.84, FanoutReport.median(new double[] {2.99, 1.84, 0.99}));
        assertEquals(1.5, FanoutReport.median(new double[] {2.0, 1.0}));
        assertEquals(0.7, FanoutReport.median(new double[] {0.7}));
    }
}
