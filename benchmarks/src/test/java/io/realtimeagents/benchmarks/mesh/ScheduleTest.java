package io.realtimeagents.benchmarks.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.realtimeagents.benchmarks.mesh.Load.Schedule;
import org.junit.jupiter.api.Test;

class ScheduleTest {
    @Test
    void due_spacesRequestsEvenly_fromTheStart() {
        Schedule schedule = new Schedule(5_000, 1_000);

        assertEquals(5_000, schedule.due(0));
        assertEquals(5_000 + 1_000_000, schedule.due(1));
        assertEquals(5_000 + 1_500_000_000L, schedule.due(1_500));
    }

    @Test
    void due_doesNotDriftAtRatesThatDoNotDivideASecond() {
        Schedule schedule = new Schedule(0, 3);

        assertEquals(333_333_333, schedule.due(1));
        assertEquals(666_666_666, schedule.due(2));
        assertEquals(1_000_000_000L, schedule.due(3));
        assertEquals(3_600_000_000_000L, schedule.due(3 * 3_600), "an hour later, exactly on the second");
    }

    @Test
    void rejectsARateBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> new Schedule(0, 0));
    }
}
