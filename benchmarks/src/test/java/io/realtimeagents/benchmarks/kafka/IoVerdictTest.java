package io.realtimeagents.benchmarks.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.realtimeagents.benchmarks.kafka.IoVerdict.Status;
import io.realtimeagents.benchmarks.kafka.IoVerdict.Target;
import java.util.List;
import org.junit.jupiter.api.Test;

class IoVerdictTest {
    @Test
    void targets_allReached_areMet() {
        IoVerdict verdict = new IoVerdict(40_000, 400, 20_000, 30, 60);

        List<Target> targets = verdict.targets();

        assertEquals(100.0, targets.get(0).value(), 1e-9);
        assertEquals(2.0, targets.get(1).value(), 1e-9);
        assertEquals(0.5, targets.get(2).value(), 1e-9);
        assertTrue(targets.stream().allMatch(target -> target.status() == Status.MET), targets.toString());
        assertTrue(verdict.allMet());
    }

    @Test
    void targets_exactlyAtTheLimits_areMet() {
        IoVerdict verdict = new IoVerdict(20_000, 400, 20_000, 50, 50);

        assertTrue(verdict.allMet(), verdict.targets().toString());
    }

    @Test
    void targets_belowTheLimits_areMissed() {
        IoVerdict verdict = new IoVerdict(19_000, 400, 20_000, 51, 50);

        List<Target> targets = verdict.targets();

        assertEquals(Status.MISSED, targets.get(0).status(), "47.5 is below 50");
        assertEquals(Status.MISSED, targets.get(1).status(), "0.95 is below 1.0");
        assertEquals(Status.MISSED, targets.get(2).status(), "a p99 of 51 ms is worse than 50 ms");
        assertFalse(verdict.allMet());
    }

    @Test
    void targets_baselineNotMeasured_areNotMeasuredAndNotAllMet() {
        IoVerdict verdict = new IoVerdict(40_000, 400, Double.NaN, 30, Double.NaN);

        List<Target> targets = verdict.targets();

        assertEquals(Status.MET, targets.get(0).status());
        assertEquals(Status.NOT_MEASURED, targets.get(1).status());
        assertEquals(Status.NOT_MEASURED, targets.get(2).status());
        assertFalse(verdict.allMet());
        assertTrue(
                targets.get(1).toString().contains("not measured"),
                targets.get(1).toString());
    }

    @Test
    void target_toString_namesRatioGoalAndStatus() {
        Target target = new IoVerdict(40_000, 400, 20_000, 30, 60).targets().get(0);

        assertEquals("throughput key / partition                     100.00  (target >= 50.0): MET", target.toString());
    }
}
