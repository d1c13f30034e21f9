package io.realtimeagents.benchmarks.kafka;

import java.util.List;
import java.util.Locale;

/**
 * The targets of the {@code kafka-io} benchmark, from its headline figures ({@code NaN} where a figure could not be
 * measured): the agent in {@code key} mode at least {@value #MIN_KEY_OVER_PARTITION} times as fast as in
 * {@code partition} mode and at least {@value #MIN_KEY_OVER_PARALLEL_CONSUMER} times as fast as Parallel Consumer,
 * with a p99 end-to-end latency no higher than Parallel Consumer's.
 *
 * @param keyRate records/s of the agent in key mode (mean of its runs)
 * @param partitionRate records/s of the agent in partition mode
 * @param parallelConsumerRate records/s of Parallel Consumer
 * @param keyP99Millis p99 latency of the agent in key mode (mean of its runs), milliseconds
 * @param parallelConsumerP99Millis p99 latency of Parallel Consumer, milliseconds
 */
record IoVerdict(
        double keyRate,
        double partitionRate,
        double parallelConsumerRate,
        double keyP99Millis,
        double parallelConsumerP99Millis) {
    static final double MIN_KEY_OVER_PARTITION = 50;
    static final double MIN_KEY_OVER_PARALLEL_CONSUMER = 1.0;

    /** Whether a target was met. */
    enum Status {
        MET,
        MISSED,
        NOT_MEASURED
    }

    /**
     * One target.
     *
     * @param name what is compared
     * @param value the ratio measured ({@code NaN} when not measured)
     * @param goal the target, as text
     * @param status whether it was met
     */
    record Target(String name, double value, String goal, Status status) {
        @Override
        public String toString() {
            String measured = Double.isNaN(value) ? "not measured" : String.format(Locale.ROOT, "%.2f", value);
            return String.format(
                    Locale.ROOT,
                    "%-40s %12s  (target %s): %s",
                    name,
                    measured,
                    goal,
                    status.name().replace('_', ' '));
        }
    }

    /** The three targets, in the order of the issue. */
    List<Target> targets() {
        return List.of(
                atLeast("throughput key / partition", keyRate / partitionRate, MIN_KEY_OVER_PARTITION),
                atLeast(
                        "throughput key / parallel-consumer",
                        keyRate / parallelConsumerRate,
                        MIN_KEY_OVER_PARALLEL_CONSUMER),
                atMost("p99 latency key / parallel-consumer", keyP99Millis / parallelConsumerP99Millis, 1.0));
    }

    /** True when every target was measured and met. */
    boolean allMet() {
        return targets().stream().allMatch(target -> target.status() == Status.MET);
    }

    private static Target atLeast(String name, double value, double minimum) {
        return new Target(name, value, ">= " + minimum, status(value, value >= minimum));
    }

    private static Target atMost(String name, double value, double maximum) {
        return new Target(name, value, "<= " + maximum, status(value, value <= maximum));
    }

    private static Status status(double value, boolean met) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Status.NOT_MEASURED;
        }
        return met ? Status.MET : Status.MISSED;
    }
}
