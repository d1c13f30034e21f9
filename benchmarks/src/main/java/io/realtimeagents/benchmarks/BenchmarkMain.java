package io.realtimeagents.benchmarks;

import io.realtimeagents.benchmarks.fanout.FanoutBenchmark;
import io.realtimeagents.benchmarks.kafka.KafkaIoBenchmark;
import io.realtimeagents.benchmarks.kafka.KafkaThroughputBenchmark;
import io.realtimeagents.benchmarks.mesh.MeshBenchmark;
import io.realtimeagents.benchmarks.mqtt.MqttThroughputBenchmark;
import io.realtimeagents.benchmarks.soak.SoakBenchmark;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point of the benchmarks jar: {@code java -jar benchmarks.jar <benchmark> [--option=value | --flag ...]}.
 * Exits with status 2 on a usage error and 1 when the benchmark fails.
 */
public final class BenchmarkMain {
    /** The logging configuration of benchmark JVMs, a resource of this jar; the broker's JVM uses it too. */
    public static final String LOGGING_CONFIGURATION = "benchmarks-logback.xml";

    static {
        // Before any logger exists: other jars on the class path ship a logback.xml of their own.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", LOGGING_CONFIGURATION);
        }
    }

    private static final List<Benchmark> BENCHMARKS = List.of(
            new KafkaThroughputBenchmark(),
            new KafkaIoBenchmark(),
            new MqttThroughputBenchmark(),
            new FanoutBenchmark(),
            new SoakBenchmark(),
            new MeshBenchmark());

    private BenchmarkMain() {}

    /**
     * Runs the benchmark named by the first argument.
     *
     * @param args the benchmark's name, then its options
     */
    public static void main(String[] args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            System.out.println(usage());
            System.exit(args.length == 0 ? 2 : 0);
        }
        Benchmark benchmark = find(args[0]);
        if (benchmark == null) {
            System.err.println("Unknown benchmark '" + args[0] + "'.\n" + usage());
            System.exit(2);
        }
        try {
            benchmark.run(BenchmarkOptions.parse(Arrays.asList(args).subList(1, args.length)));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + usage());
            System.exit(2);
        } catch (Exception e) {
            System.err.println("The " + benchmark.name() + " benchmark failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static Benchmark find(String name) {
        return BENCHMARKS.stream()
                .filter(benchmark -> benchmark.name().equals(name))
                .findFirst()
                .orElse(null);
    }

    private static String usage() {
        StringBuilder text = new StringBuilder("Usage: java -Xms2g -Xmx2g -XX:+AlwaysPreTouch -jar benchmarks.jar"
                + " <benchmark> [--option=value | --flag ...]\nBenchmarks:\n");
        for (Benchmark benchmark : BENCHMARKS) {
            text.append("  ")
                    .append(benchmark.name())
                    .append("  ")
                    .append(benchmark.description())
                    .append('\n');
            benchmark
                    .optionsHelp()
                    .lines()
                    .forEach(line -> text.append("      ").append(line).append('\n'));
        }
        return text.toString().stripTrailing();
    }
}
