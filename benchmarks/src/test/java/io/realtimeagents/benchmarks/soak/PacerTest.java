package io.realtimeagents.benchmarks.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PacerTest {
    private static final long MS = 1_000_000;

    @Test
    void due_isTheRateTimesTheElapsedTime_lessWhatWasSent() {
        Pacer pacer = new Pacer(200, 0);

        assertEquals(0, pacer.due(0));
        assertEquals(2, pacer.due(10 * MS));
        assertEquals(0, pacer.due(12 * MS));
        assertEquals(1, pacer.due(15 * MS));
        assertEquals(20, pacer.due(115 * MS));
    }

    @Test
    void due_doesNotMakeUpTimeLostToAFault_beyondASmallBurst() {
        Pacer pacer = new Pacer(200, 0);

        assertEquals(50, pacer.due(10_000 * MS), "10 s held up: 2,000 due, but only a burst of 50 is sent");
        assertEquals(2, pacer.due(10_010 * MS), "then it goes on at its rate");
    }
}
