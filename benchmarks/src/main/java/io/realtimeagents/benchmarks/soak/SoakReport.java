package io.realtimeagents.benchmarks.soak;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The verdict of a soak: for every input, whether each output it must give exists (lost when not, duplicated when
 * more than once), and for every fault, how long the slowest path took to deliver again.
 *
 * @param flows the outcome per flow
 * @param faults the faults and their recoveries, in order
 * @param unconfirmedInputs inputs sent whose broker acknowledgement never came (not counted: they may or may not
 *     exist)
 * @param deadLetters records the agents wrote to their dead-letter topics (an input whose handling failed)
 * @param targets what the run must reach to pass
 */
record SoakReport(
        List<FlowResult> flows, List<FaultResult> faults, long unconfirmedInputs, long deadLetters, Targets targets) {
    private static final int SAMPLE = 10;
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    /**
     * What a run must reach: no output lost, at least {@code minFaults} faults, every recovery under {@code
     * maxRecovery}.
     */
    record Targets(int minFaults, Duration maxRecovery) {}

    /**
     * One flow's outcome.
     *
     * @param flow the flow
     * @param inputs inputs the broker acknowledged
     * @param delivered inputs whose output exists
     * @param lost inputs whose output does not exist
     * @param duplicates outputs beyond the first of an input
     * @param lostByNearestFault lost inputs counted by the fault nearest to when they were sent
     * @param lostSample the first lost input ids
     */
    record FlowResult(
            Flow flow,
            int inputs,
            int delivered,
            int lost,
            long duplicates,
            Map<String, Integer> lostByNearestFault,
            List<String> lostSample) {}

    /** A fault and its recovery. */
    record FaultResult(InjectedFault fault, Arrivals.Recovery recovery) {}

    /**
     * Computes the report.
     *
     * @param inputs every acknowledged input id and when it was sent (epoch ms)
     * @param outputs per output topic, how many times each input id's output was found
     */
    static SoakReport compute(
            Map<String, Long> inputs,
            Map<String, Map<String, Integer>> outputs,
            List<InjectedFault> faults,
            Arrivals arrivals,
            long unconfirmedInputs,
            long deadLetters,
            Targets targets) {
        List<FlowResult> flows = new ArrayList<>();
        for (Flow flow : Flow.values()) {
            flows.add(flowResult(flow, inputs, outputs.getOrDefault(flow.outputTopic(), Map.of()), faults));
        }
        List<FaultResult> recoveries = faults.stream()
                .map(fault -> new FaultResult(fault, arrivals.recoveryAfter(fault.recoveryFrom())))
                .toList();
        return new SoakReport(flows, recoveries, unconfirmedInputs, deadLetters, targets);
    }

    private static FlowResult flowResult(
            Flow flow, Map<String, Long> inputs, Map<String, Integer> found, List<InjectedFault> faults) {
        int count = 0;
        int delivered = 0;
        long duplicates = 0;
        Map<String, Integer> lostByFault = new TreeMap<>();
        List<String> sample = new ArrayList<>();
        for (Map.Entry<String, Long> input : new TreeMap<>(inputs).entrySet()) {
            if (!input.getKey().startsWith(flow.idPrefix())) {
                continue;
            }
            count++;
            int copies = found.getOrDefault(input.getKey(), 0);
            if (copies > 0) {
                delivered++;
                duplicates += copies - 1;
            } else {
                lostByFault.merge(nearestFault(input.getValue(), faults), 1, Integer::sum);
                if (sample.size() < SAMPLE) {
                    sample.add(input.getKey());
                }
            }
        }
        return new FlowResult(flow, count, delivered, count - delivered, duplicates, lostByFault, sample);
    }

    /** The fault injected nearest to {@code sentAt}, with how far from it, or "no fault". */
    static String nearestFault(long sentAt, List<InjectedFault> faults) {
        InjectedFault nearest = null;
        for (InjectedFault fault : faults) {
            if (nearest == null || Math.abs(fault.at() - sentAt) < Math.abs(nearest.at() - sentAt)) {
                nearest = fault;
            }
        }
        return nearest == null ? "no fault" : nearest.kind().label();
    }

    /** Inputs whose output is missing, over all flows. */
    long lost() {
        return flows.stream().mapToLong(FlowResult::lost).sum();
    }

    /** Outputs beyond the first of an input, over all flows. */
    long duplicates() {
        return flows.stream().mapToLong(FlowResult::duplicates).sum();
    }

    /** The longest recovery per fault kind, in milliseconds; -1 when some fault of that kind never recovered. */
    Map<FaultKind, Long> longestRecoveryByKind() {
        Map<FaultKind, Long> longest = new EnumMap<>(FaultKind.class);
        for (FaultResult result : faults) {
            long millis = result.recovery().millis();
            longest.merge(result.fault().kind(), millis, (a, b) -> a < 0 || b < 0 ? -1 : Math.max(a, b));
        }
        return longest;
    }

    /** Why the run fails its targets; empty when it passes. */
    List<String> failures() {
        List<String> failures = new ArrayList<>();
        if (lost() > 0) {
            failures.add(lost() + " output(s) lost");
        }
        if (faults.size() < targets.minFaults()) {
            failures.add("only " + faults.size() + " faults injected, fewer than " + targets.minFaults());
        }
        for (FaultResult result : faults) {
            long millis = result.recovery().millis();
            if (millis < 0 || millis >= targets.maxRecovery().toMillis()) {
                failures.add("fault " + result.fault().describe() + " recovered "
                        + (millis < 0 ? "never (path " + result.recovery().path() + ")" : "in " + seconds(millis))
                        + ", target under " + seconds(targets.maxRecovery().toMillis()));
            }
        }
        return failures;
    }

    /** The report as printed at the end of a run. */
    String format() {
        StringBuilder text = new StringBuilder();
        long inputs = flows.stream()
                .filter(flow -> flow.flow() != Flow.KAFKA_TO_EVENT)
                .mapToLong(FlowResult::inputs)
                .sum();
        long outputs = flows.stream()
                .mapToLong(flow -> flow.delivered() + flow.duplicates())
                .sum();
        text.append(String.format(
                Locale.ROOT,
                "inputs %,d, outputs %,d, lost %,d, duplicates %,d, faults %d, longest recovery %s%n",
                inputs,
                outputs,
                lost(),
                duplicates(),
                faults.size(),
                longestRecovery()));
        text.append(String.format(
                Locale.ROOT,
                "(%,d sends never acknowledged by their broker, not counted); dead letters written by the agents: %,d%n",
                unconfirmedInputs,
                deadLetters));
        text.append(String.format(
                Locale.ROOT, "%-42s %9s %9s %6s %10s%n", "flow", "inputs", "outputs", "lost", "duplicates"));
        for (FlowResult flow : flows) {
            text.append(String.format(
                    Locale.ROOT,
                    "%-42s %,9d %,9d %,6d %,10d%n",
                    flow.flow().label(),
                    flow.inputs(),
                    flow.delivered() + flow.duplicates(),
                    flow.lost(),
                    flow.duplicates()));
            if (flow.lost() > 0) {
                text.append("    lost, by nearest fault: ")
                        .append(flow.lostByNearestFault())
                        .append("; first ids ")
                        .append(flow.lostSample())
                        .append('\n');
            }
        }
        appendFaults(text);
        List<String> failures = failures();
        text.append(failures.isEmpty() ? "verdict: PASS" : "verdict: FAIL: " + String.join("; ", failures));
        return text.toString();
    }

    private void appendFaults(StringBuilder text) {
        text.append(String.format(Locale.ROOT, "%-40s %6s %17s%n", "fault", "count", "longest recovery"));
        Map<FaultKind, Long> longest = longestRecoveryByKind();
        for (Map.Entry<FaultKind, Long> kind : longest.entrySet()) {
            long count = faults.stream()
                    .filter(result -> result.fault().kind() == kind.getKey())
                    .count();
            text.append(String.format(
                    Locale.ROOT, "%-40s %6d %17s%n", kind.getKey().label(), count, seconds(kind.getValue())));
        }
        for (FaultResult result : faults) {
            text.append(String.format(
                    Locale.ROOT,
                    "  %s fault %-44s injected in %6s, recovered in %7s (slowest path: %s)%n",
                    CLOCK.format(Instant.ofEpochMilli(result.fault().at())),
                    result.fault().describe(),
                    seconds(result.fault().tookMillis()),
                    seconds(result.recovery().millis()),
                    result.recovery().path()));
        }
    }

    private String longestRecovery() {
        long longest = 0;
        for (FaultResult result : faults) {
            if (result.recovery().millis() < 0) {
                return "never (a fault did not recover)";
            }
            longest = Math.max(longest, result.recovery().millis());
        }
        return seconds(longest);
    }

    private static String seconds(long millis) {
        return millis < 0 ? "never" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
