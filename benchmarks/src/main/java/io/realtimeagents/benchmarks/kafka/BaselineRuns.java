package io.realtimeagents.benchmarks.kafka;

import io.realtimeagents.benchmarks.kafka.IoRuns.Backlog;
import io.realtimeagents.benchmarks.kafka.IoRuns.Paced;
import java.util.Optional;

/**
 * The runs of the baseline, which may not work with this project's Kafka client: after its first failure it is not
 * run again, and the failure is reported instead of its figures, so the other contenders are still measured. A
 * failure of the paced producer is not the baseline's, and ends the benchmark.
 */
final class BaselineRuns {
    private final IoContender contender;
    private final Report report;
    private String failure;

    BaselineRuns(IoContender contender, Report report) {
        this.contender = contender;
        this.report = report;
    }

    String name() {
        return contender.name();
    }

    /** A backlog run, reported; null when it failed now or before. */
    Backlog backlog(String label, IoRuns runs, String topic, long records, String note) {
        if (failure != null) {
            return null;
        }
        try {
            Backlog run = runs.backlog(contender, topic, records);
            report.run(label, run.measurement(), note + "; key order violations: " + run.orderViolations());
            return run;
        } catch (Exception | LinkageError e) {
            fail(label, e);
            return null;
        }
    }

    /** A paced run, not reported; null when it failed now or before. */
    Paced paced(IoRuns runs, long rate, long seconds) {
        if (failure != null) {
            return null;
        }
        try {
            return runs.paced(contender, rate, seconds);
        } catch (PacedProducer.SendFailed e) {
            throw e;
        } catch (Exception | LinkageError e) {
            fail("paced", e);
            return null;
        }
    }

    /** What made it fail first. */
    Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    private void fail(String label, Throwable e) {
        failure = label + ": " + e;
        report.line(label + "  " + contender.name() + " failed: " + e);
        e.printStackTrace();
    }
}
