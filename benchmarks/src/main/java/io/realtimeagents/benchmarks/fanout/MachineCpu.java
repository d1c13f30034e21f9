package io.realtimeagents.benchmarks.fanout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time all processes of the machine have used, from {@code /proc/stat}: set against what the benchmark's own JVMs
 * used over the same span, it tells how much other processes took, which makes figures low and noisy.
 */
final class MachineCpu {
    /** {@code USER_HZ}: the unit of {@code /proc/stat}, 100 per second on Linux. */
    private static final long NANOS_PER_TICK = 10_000_000;

    private MachineCpu() {}

    /** Busy CPU time of all CPUs so far (user, nice, system, irq, softirq, steal), in nanoseconds; -1 when unknown. */
    static long busyNanos() {
        try (var lines = Files.lines(Path.of("/proc/stat"))) {
            String[] fields = lines.findFirst().orElse("").trim().split("\\s+");
            if (fields.length < 9 || !fields[0].equals("cpu")) {
                return -1;
            }
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(fields[i]);
            }
            return busy * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
