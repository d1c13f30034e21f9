package io.realtimeagents.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;

/**
 * CPU time of this JVM and load of the machine: a contender that is slow while using little CPU is waiting, not
 * working; a loaded machine makes every figure low and noisy.
 */
public final class ProcessCpu {
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ProcessCpu() {}

    /** CPU time used by all threads of this JVM so far, in nanoseconds. */
    public static long nanos() {
        return OS.getProcessCpuTime();
    }

    /**
     * How busy other processes keep the machine's CPUs over the next {@code millis}, from 0 to 1 (negative where the
     * platform cannot tell): the machine's CPU load less this JVM's own share, which right after start-up is mostly
     * the JIT compiler. Unlike the load average, it does not remember the previous benchmark run.
     */
    public static double othersBusy(long millis) throws InterruptedException {
        OS.getCpuLoad(); // starts the interval
        long ownBefore = nanos();
        long start = System.nanoTime();
        Thread.sleep(millis);
        double machine = OS.getCpuLoad();
        double own = (double) (nanos() - ownBefore)
                / (System.nanoTime() - start)
                / Runtime.getRuntime().availableProcessors();
        return machine < 0 ? machine : Math.max(0, machine - own);
    }
}
