package io.realtimeagents.benchmarks.soak;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * When the soak injects which fault: one every {@code interval} from the start, the kinds in round-robin order, each
 * replica fault aimed at the replicas in turn, and none in the last {@code interval} of the run, so that the last one
 * has time to heal before the producers stop. A fault that comes due while the previous one is still being injected,
 * or has not healed yet (every path delivering again; the soak waits at most a minute for it), waits for it; the producers then run on until one interval after the last fault, so every planned fault is injected
 * and has time to heal.
 *
 * @param duration how long the producers run
 * @param interval the time between two faults
 * @param replicas how many agent replicas there are
 */
record FaultSchedule(Duration duration, Duration interval, int replicas) {
    FaultSchedule {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("Invalid fault interval " + interval + ": must be positive");
        }
        if (replicas < 1) {
            throw new IllegalArgumentException("Invalid replica count " + replicas + ": must be at least 1");
        }
    }

    /**
     * One planned fault.
     *
     * @param index its position in the schedule, from 0
     * @param kind what it is
     * @param replica the replica it targets, from 0; -1 for a broker fault
     * @param due when it is due, from the start of the run
     */
    record Planned(int index, FaultKind kind, int replica, Duration due) {}

    /** The faults of the run, in order. */
    List<Planned> plan() {
        List<Planned> faults = new ArrayList<>();
        FaultKind[] kinds = FaultKind.values();
        int[] perKind = new int[kinds.length];
        for (int index = 0; ; index++) {
            Duration due = interval.multipliedBy(index + 1L);
            if (due.compareTo(duration.minus(interval)) > 0) {
                return faults;
            }
            FaultKind kind = kinds[index % kinds.length];
            int occurrence = perKind[kind.ordinal()]++;
            int replica = kind.targetsReplica() ? occurrence % replicas : -1;
            faults.add(new Planned(index, kind, replica, due));
        }
    }
}
