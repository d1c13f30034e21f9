package io.realtimeagents.benchmarks.fanout;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Prints the fan-out benchmark's figures to standard output: per run, then per scenario against the targets. */
final class FanoutReport {
    /** Deliveries/s the agent must reach, as a share of the baseline's, with no message lost. */
    static final double DELIVERY_TARGET = 0.9;
    /** The agent's p99 latency may be at most this multiple of the baseline's. */
    static final double P99_TARGET = 1.3;
    /** Heap and off-heap memory the agent may use per idle connection. */
    static final double MEMORY_TARGET_BYTES = 20 * 1024;

    private static final double KIB = 1024;
    private static final double MILLIS = 1e6;
    private static final int CPUS = Runtime.getRuntime().availableProcessors();

    private final PrintStream out;

    FanoutReport(PrintStream out) {
        this.out = out;
    }

    void line(String text) {
        out.println(text);
        out.flush();
    }

    /** The figures of one run, on four lines. */
    void run(String label, RunResult run) {
        TransportResult all = run.all();
        line(format(
                "%-8s %-8s held %,d of %,d (connected in %.1f s%s) | %,.0f deliveries/s, lost %,d, duplicates %,d |"
                        + " latency %s",
                label,
                run.contender(),
                all.held(),
                run.clients(),
                run.connectNanos() / 1e9,
                run.ready() == run.clients()
                        ? ""
                        : ", " + (run.clients() - run.ready()) + " failed: " + run.connectError(),
                run.deliveriesPerSecond(),
                all.lost(),
                all.duplicates(),
                latency(all)));
        line(format("                 %s", transports(run)));
        line(format(
                "                 per idle connection: heap %.2f KiB + off-heap %.2f KiB = %.2f KiB; RSS %.2f KiB"
                        + " (server with %,d connections: heap %,.0f MiB, off-heap %,.1f MiB, RSS %,.0f MiB)",
                run.heapPerConnection() / KIB,
                run.offHeapPerConnection() / KIB,
                (run.heapPerConnection() + run.offHeapPerConnection()) / KIB,
                run.rssPerConnection() / KIB,
                run.idle().connections(),
                run.idle().heapBytes() / KIB / KIB,
                run.idle().offHeapBytes() / KIB / KIB,
                run.idle().rssBytes() / KIB / KIB));
        line(format(
                "                 server: %,d events, %,d ticks skipped, %s; %,d connections at the end",
                run.emitted().events(),
                run.emitted().skippedTicks(),
                run.emitted().counters(),
                run.end().connections()));
        line("                 " + cpu(run));
    }

    /** CPU seconds of each party over the active phase, and per delivery (warm-up deliveries included). */
    private static String cpu(RunResult run) {
        RunResult.Cpu cpu = run.cpu();
        long deliveries = run.emitted().events() * run.all().ready();
        double elapsed = cpu.elapsedNanos() / 1e9;
        return format(
                "CPU s over %.1f s from the first event: server %.1f (%.1f us/delivery), clients %.1f (%.1f"
                        + " us/delivery),"
                        + " Kafka %.1f, other processes %s",
                elapsed,
                cpu.serverNanos() / 1e9,
                deliveries == 0 ? 0 : cpu.serverNanos() / 1e3 / deliveries,
                cpu.clientNanos() / 1e9,
                deliveries == 0 ? 0 : cpu.clientNanos() / 1e3 / deliveries,
                cpu.kafkaNanos() / 1e9,
                cpu.othersNanos() < 0
                        ? "unknown"
                        : format(
                                "%.1f (%.0f%% of the machine)",
                                cpu.othersNanos() / 1e9, 100.0 * cpu.othersNanos() / cpu.elapsedNanos() / CPUS));
    }

    private static String transports(RunResult run) {
        StringBuilder text = new StringBuilder();
        for (TransportResult result : List.of(run.webSocket(), run.sse())) {
            if (result.clients() == 0) {
                continue;
            }
            text.append(text.isEmpty() ? "" : " | ")
                    .append(format(
                            "%s %,d: %,.0f deliveries/s, lost %,d, duplicates %,d, latency %s",
                            result.transport().equals("ws") ? "WebSocket" : "SSE",
                            result.clients(),
                            result.deliveriesPerSecond(run.scenario().rate()),
                            result.lost(),
                            result.duplicates(),
                            latency(result)));
        }
        return text.toString();
    }

    /** The agent against the mean of the baseline runs, and each target. */
    void summary(List<RunResult> baselines, RunResult agent, Scenario scenario) {
        double rate = baselines.stream()
                .mapToDouble(RunResult::deliveriesPerSecond)
                .average()
                .orElse(0);
        double p99 = baselines.stream()
                .mapToDouble(run -> run.all().latency().percentile(99))
                .average()
                .orElse(0);
        long skipped = baselines.stream()
                .mapToLong(run -> run.emitted().skippedTicks())
                .sum();
        line(format(
                "baseline (mean of %d run%s): %,.0f deliveries/s, p99 %.2f ms%s; it skipped %,d of %,d ticks while a"
                        + " fan-out was still pending",
                baselines.size(),
                baselines.size() == 1 ? "" : "s",
                rate,
                p99 / MILLIS,
                drift(baselines),
                skipped,
                scenario.ticks() * baselines.size()));
        if (agent == null) {
            line("targets: not evaluated (no agent run)");
            return;
        }
        TransportResult all = agent.all();
        double rateRatio = agent.deliveriesPerSecond() / rate;
        double p99Ratio = all.latency().percentile(99) / p99;
        double memory = agent.heapPerConnection() + agent.offHeapPerConnection();
        line(format("agent / baseline: deliveries/s %.2f, p99 %.2f", rateRatio, p99Ratio));
        targets("", rateRatio, all.lost(), p99Ratio, memory, all.held(), scenario.clients());
    }

    /**
     * The agent against the plain server over several rounds, run in the order baseline, agent, baseline, agent, ...,
     * baseline: each agent run is compared with the mean of the baseline runs just before and after it, and the targets
     * are judged on the median of the rounds' ratios, since one round on a noisy machine can land tens of percent away.
     *
     * @param ordered the runs in the order they ran
     */
    void rounds(List<RunResult> ordered, Scenario scenario) {
        int rounds = (ordered.size() - 1) / 2;
        double[] rateRatios = new double[rounds];
        double[] p99Ratios = new double[rounds];
        long lost = 0;
        double memory = 0;
        long held = Long.MAX_VALUE;
        StringBuilder each = new StringBuilder();
        for (int round = 0; round < rounds; round++) {
            RunResult before = ordered.get(2 * round);
            RunResult agent = ordered.get(2 * round + 1);
            RunResult after = ordered.get(2 * round + 2);
            rateRatios[round] =
                    agent.deliveriesPerSecond() / ((before.deliveriesPerSecond() + after.deliveriesPerSecond()) / 2);
            p99Ratios[round] = p99(agent) / ((p99(before) + p99(after)) / 2);
            lost += agent.all().lost();
            memory = Math.max(memory, agent.heapPerConnection() + agent.offHeapPerConnection());
            held = Math.min(held, agent.all().held());
            each.append(format("%s%.2f/%.2f", round == 0 ? "" : ", ", rateRatios[round], p99Ratios[round]));
        }
        double rateRatio = median(rateRatios);
        double p99Ratio = median(p99Ratios);
        line(format(
                "agent / neighbouring baselines, deliveries/s / p99, per round: %s; median deliveries/s %.2f, p99 %.2f",
                each, rateRatio, p99Ratio));
        targets(
                format(" on the medians of %d rounds (memory: the largest, held: the fewest)", rounds),
                rateRatio,
                lost,
                p99Ratio,
                memory,
                held,
                scenario.clients());
    }

    /** The targets line: each target, met or not, with the figure it was judged on. */
    private void targets(
            String heading, double rateRatio, long lost, double p99Ratio, double memory, long held, int clients) {
        line(format(
                "targets%s: deliveries/s >= %.1fx baseline with no loss: %s (%.2f, lost %,d) | p99 <= %.1fx baseline: %s"
                        + " (%.2f) | heap + off-heap per connection <= %.0f KiB: %s (%.2f KiB) | %,d connections held:"
                        + " %s (%,d)",
                heading,
                DELIVERY_TARGET,
                met(rateRatio >= DELIVERY_TARGET && lost == 0),
                rateRatio,
                lost,
                P99_TARGET,
                met(p99Ratio <= P99_TARGET),
                p99Ratio,
                MEMORY_TARGET_BYTES / KIB,
                met(memory <= MEMORY_TARGET_BYTES),
                memory / KIB,
                clients,
                met(held == clients),
                held));
    }

    private static double p99(RunResult run) {
        return run.all().latency().percentile(99);
    }

    /** The median of some values: the middle one, or the mean of the two middle ones. */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** How far apart the baseline runs are, in deliveries/s and p99. */
    private static String drift(List<RunResult> baselines) {
        if (baselines.size() != 2) {
            return "";
        }
        RunResult first = baselines.get(0);
        RunResult second = baselines.get(1);
        return format(
                " (the two runs differ by %.1f%% in deliveries/s, %.1f%% in p99)",
                difference(first.deliveriesPerSecond(), second.deliveriesPerSecond()),
                difference(
                        first.all().latency().percentile(99),
                        second.all().latency().percentile(99)));
    }

    private static double difference(double a, double b) {
        return a + b == 0 ? 0 : Math.abs(a - b) / ((a + b) / 2) * 100;
    }

    private static String latency(TransportResult result) {
        LatencyHistogram latency = result.latency();
        return format(
                "ms p50 %.2f p99 %.2f p99.9 %.2f max %.2f",
                latency.percentile(50) / MILLIS,
                latency.percentile(99) / MILLIS,
                latency.percentile(99.9) / MILLIS,
                latency.max() / MILLIS);
    }

    private static String met(boolean met) {
        return met ? "MET" : "NOT MET";
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
