package io.realtimeagents.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Describes the JVM and machine a benchmark runs on and warns about what makes figures unsteady on small VMs: a heap
 * that can grow ({@code -Xms} not equal to {@code -Xmx}) or is not pre-touched ({@code -XX:+AlwaysPreTouch}), because
 * the first touch of memory costs several times more than reuse; and other processes keeping the CPUs busy.
 *
 * @param description one line: Java version and vendor, CPUs and how busy they were, heap and its settings
 * @param warnings what is missing for steady figures, with the fix; empty when nothing is
 */
public record JvmCheck(String description, List<String> warnings) {
    private static final long BUSY_SAMPLE_MILLIS = 1_000;
    private static final double BUSY_LIMIT = 0.2;

    /** Checks this JVM, and how busy the machine is over one second. */
    public static JvmCheck run() throws InterruptedException {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        boolean fixed = heap.getInit() == heap.getMax();
        boolean preTouched =
                ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-XX:+AlwaysPreTouch");
        double busy = ProcessCpu.othersBusy(BUSY_SAMPLE_MILLIS);
        String description = String.format(
                Locale.ROOT,
                "JVM: Java %s (%s), %d CPUs (%.0f%% busy with other processes before the start), heap %,d MiB%s%s",
                Runtime.version(),
                System.getProperty("java.vendor"),
                Runtime.getRuntime().availableProcessors(),
                busy * 100,
                heap.getMax() / (1024 * 1024),
                fixed ? " fixed" : " growing",
                preTouched ? ", pre-touched" : "");
        List<String> warnings = new ArrayList<>();
        if (!fixed) {
            warnings.add("the heap can grow: start the JVM with -Xms equal to -Xmx (e.g. -Xms2g -Xmx2g)");
        }
        if (!preTouched) {
            warnings.add("the heap is not pre-touched: start the JVM with -XX:+AlwaysPreTouch");
        }
        if (busy > BUSY_LIMIT) {
            warnings.add(String.format(
                    Locale.ROOT,
                    "other processes kept the CPUs %.0f%% busy before the start: figures will be low and noisy",
                    busy * 100));
        }
        return new JvmCheck(description, List.copyOf(warnings));
    }
}
