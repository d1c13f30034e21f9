package io.realtimeagents.benchmarks.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultScheduleTest {
    @Test
    void plan_isRoundRobinOverTheKinds_oneEveryInterval_replicaFaultsTakingTurns() {
        List<FaultSchedule.Planned> plan = new FaultSchedule(Duration.ofSeconds(100), Duration.ofSeconds(10), 2).plan();

        assertEquals(9, plan.size(), "due at 10..90 s, none in the last interval");
        assertEquals(
                List.of(
                        FaultKind.REPLICA_KILL,
                        FaultKind.KAFKA_RESTART,
                        FaultKind.MQTT_RESTART,
                        FaultKind.SLOW_HANDLER,
                        FaultKind.REPLICA_KILL,
                        FaultKind.KAFKA_RESTART,
                        FaultKind.MQTT_RESTART,
                        FaultKind.SLOW_HANDLER,
                        FaultKind.REPLICA_KILL),
                plan.stream().map(FaultSchedule.Planned::kind).toList());
        assertEquals(
                List.of(0, -1, -1, 0, 1, -1, -1, 1, 0),
                plan.stream().map(FaultSchedule.Planned::replica).toList());
        assertEquals(Duration.ofSeconds(10), plan.getFirst().due());
        assertEquals(Duration.ofSeconds(90), plan.getLast().due());
        assertEquals(8, plan.getLast().index());
    }

    @Test
    void plan_ofTheDefaultTenMinutesEveryFifteenSeconds_hasAtLeastTwentyFaults() {
        List<FaultSchedule.Planned> plan = new FaultSchedule(Duration.ofMinutes(10), Duration.ofSeconds(15), 2).plan();

        assertEquals(39, plan.size());
    }

    @Test
    void plan_isEmpty_whenTheRunIsShorterThanTwoIntervals() {
        assertEquals(List.of(), new FaultSchedule(Duration.ofSeconds(15), Duration.ofSeconds(10), 2).plan());
    }

    @Test
    void constructor_rejectsAZeroInterval_namingIt() {
        IllegalArgumentException error = assertThrows(
                IllegalArgumentException.class, () -> new FaultSchedule(Duration.ofMinutes(1), Duration.ZERO, 2));

        assertEquals("Invalid fault interval PT0S: must be positive", error.getMessage());
    }
}
