package io.realtimeagents.benchmarks.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ScenarioTest {
    /** Scenario 2 runs 50 events/s for 20 + 20 s: 2,000 ticks per run. */
    private static final Scenario TWO = Scenario.TWO_THOUSAND;

    @Test
    void withHeadroom_isTwoThirdsOfTheRateThePlainServerSustained_whenItShedMoreThanFivePercent() {
        Scenario lighter = TWO.withHeadroom(480, 2); // 12% of 4,000 ticks: it sustained 44 events/s

        assertEquals(44.0, TWO.sustainedRate(480, 2));
        assertEquals(29, lighter.rate());
        assertEquals("2 with headroom", lighter.name());
        assertEquals(TWO.clients(), lighter.clients());
        assertEquals(TWO.sseClients(), lighter.sseClients());
        assertEquals(TWO.seconds(), lighter.seconds());
        assertEquals(TWO.warmupSeconds(), lighter.warmupSeconds());
    }

    @Test
    void withHeadroom_roundsToTheNearestRate() {
        // 10,000 clients at 10 events/s: 400 ticks per run; 28% skipped leaves 7.2 events/s, two thirds of it 4.8
        assertEquals(5, Scenario.TEN_THOUSAND.withHeadroom(224, 2).rate());
    }

    @Test
    void withHeadroom_isNull_whenThePlainServerKeptUp() {
        assertNull(TWO.withHeadroom(0, 2));
        assertNull(TWO.withHeadroom(200, 2)); // exactly 5%
    }

    @Test
    void withHeadroom_isNull_forARerunAndBelowOneEventPerSecond() {
        Scenario lighter = TWO.withHeadroom(480, 2);
        assertNull(lighter.withHeadroom(lighter.ticks(), 1));
        assertNull(new Scenario("custom", 10, 1, 1, 20, 20).withHeadroom(20, 1)); // half of 1/s, two thirds: 0.33
    }
}
