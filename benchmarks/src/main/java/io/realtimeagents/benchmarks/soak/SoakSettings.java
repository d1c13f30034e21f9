package io.realtimeagents.benchmarks.soak;

import io.realtimeagents.benchmarks.BenchmarkOptions;
import java.nio.file.Path;
import java.time.Duration;

/** The options of a soak run; see {@link SoakBenchmark#optionsHelp()}. */
record SoakSettings(
        Duration duration,
        Duration faultInterval,
        long kafkaRate,
        long mqttRate,
        int replicas,
        Duration maxPollInterval,
        Duration slowTime,
        int minFaults,
        Duration maxRecovery,
        Path dir) {

    static SoakSettings from(BenchmarkOptions options) {
        Duration maxPollInterval = options.duration("max-poll-interval", Duration.ofSeconds(5));
        Duration slowTime = options.duration("slow-time", Duration.ofSeconds(8));
        if (slowTime.compareTo(maxPollInterval) <= 0) {
            throw new IllegalArgumentException("Invalid value " + slowTime + " for option --slow-time: must be longer"
                    + " than --max-poll-interval (" + maxPollInterval + "), or the fault is not one");
        }
        String dir = options.string("dir", null);
        return new SoakSettings(
                options.duration("duration", Duration.ofMinutes(10)),
                options.duration("fault-interval", Duration.ofSeconds(15)),
                options.positiveLong("kafka-rate", 200),
                options.positiveLong("mqtt-rate", 100),
                (int) options.positiveLong("replicas", 2),
                maxPollInterval,
                slowTime,
                (int) options.nonNegativeLong("min-faults", 20),
                options.duration("max-recovery", Duration.ofSeconds(15)),
                dir == null ? null : Path.of(dir));
    }
}
