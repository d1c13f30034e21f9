package io.realtimeagents.benchmarks.kafka;

import io.realtimeagents.benchmarks.kafka.ReadingProducer.Produced;
import java.io.PrintStream;
import java.util.Locale;

/** Prints the benchmark's figures, one line per step, to standard output. */
final class Report {
    private final PrintStream out;

    Report(PrintStream out) {
        this.out = out;
    }

    void line(String text) {
        out.println(text);
        out.flush();
    }

    void produced(Produced produced) {
        line(format(
                "produced %,d records (%,d B on average) in %.1f s: %,.0f rec/s",
                produced.records(),
                produced.bytes() / produced.records(),
                produced.nanos() / 1e9,
                produced.records() * 1e9 / produced.nanos()));
    }

    void run(String label, Measurement measurement, String note) {
        line(format(
                "%-8s %-6s %,10.0f rec/s  (%,d records in %.2f s; CPU s: %.2f client, %.2f broker%s)",
                label,
                measurement.contender(),
                measurement.rate(),
                measurement.records(),
                measurement.nanos() / 1e9,
                measurement.cpu().clientNanos() / 1e9,
                measurement.cpu().brokerNanos() / 1e9,
                note));
        if (!measurement.consumer().isEmpty()) {
            line("                  consumer: " + measurement.consumer());
        }
    }

    /** The headline: mean of the plain runs, the agent run, their ratio, and how far apart the plain runs are. */
    void summary(Measurement plainBefore, Measurement agent, Measurement plainAfter) {
        double plain = (plainBefore.rate() + plainAfter.rate()) / 2;
        double drift = Math.abs(plainAfter.rate() - plainBefore.rate()) / plain * 100;
        line(format(
                "plain %,.0f rec/s | agent %,.0f rec/s | ratio %.2f   (the two plain runs differ by %.1f%%)",
                plain, agent.rate(), agent.rate() / plain, drift));
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
