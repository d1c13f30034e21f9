package io.realtimeagents.benchmarks.kafka;

import io.realtimeagents.benchmarks.ProcessCpu;
import java.util.function.LongSupplier;

/**
 * CPU time used by the benchmark's JVM (the client, where the contenders run) and by the broker's JVM.
 *
 * @param clientNanos CPU time of this JVM, all threads
 * @param brokerNanos CPU time of the broker's JVM, all threads
 */
record CpuTime(long clientNanos, long brokerNanos) {
    /** The CPU time used since {@code earlier}. */
    CpuTime since(CpuTime earlier) {
        return new CpuTime(clientNanos - earlier.clientNanos, brokerNanos - earlier.brokerNanos);
    }

    /** Reads both clocks now. */
    interface Clock {
        CpuTime now();

        /** A clock of this JVM and of the broker whose CPU time {@code broker} reads. */
        static Clock of(LongSupplier broker) {
            return () -> new CpuTime(ProcessCpu.nanos(), broker.getAsLong());
        }
    }
}
