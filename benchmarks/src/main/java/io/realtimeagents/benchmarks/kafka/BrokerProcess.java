package io.realtimeagents.benchmarks.kafka;

import io.realtimeagents.benchmarks.ChildJvms;
import io.realtimeagents.testkit.EmbeddedKafkaMain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A single-node Kafka broker in a JVM of its own ({@link EmbeddedKafkaMain}), started with the same Java and class
 * path as this one, so that its work does not share this JVM's heap, JIT and GC with the code being measured. Its
 * output goes to a temporary log file, kept only when it fails (a persistent broker's to the caller's file, kept).
 * Closing its standard input stops it cleanly.
 */
public final class BrokerProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final Path log;
    private final String bootstrapServers;
    private final boolean keepLog;

    private BrokerProcess(Process process, Path log, String bootstrapServers, boolean keepLog) {
        this.process = process;
        this.log = log;
        this.bootstrapServers = bootstrapServers;
        this.keepLog = keepLog;
    }

    /**
     * Starts the broker JVM with a fixed, pre-touched heap and waits until it announces its address.
     *
     * @param heap the broker JVM's heap, e.g. {@code 1g}
     * @throws IOException when the JVM cannot be started, or stops or stays silent instead of announcing the broker
     */
    public static BrokerProcess start(String heap) throws IOException, InterruptedException {
        return launch(
                heap,
                EmbeddedKafkaMain.class,
                List.of(),
                Files.createTempFile("benchmark-kafka-broker-", ".log"),
                false);
    }

    /**
     * Starts a broker JVM ({@link PersistentBrokerMain}) on a fixed place: a new one started on the same place after
     * this one stopped or was killed is the same broker restarted, with its topics, records and committed offsets.
     *
     * @param heap the broker JVM's heap, e.g. {@code 1g}
     * @param place its data directory and ports
     * @param log the file its standard error is appended to; kept
     * @throws IOException when the JVM cannot be started, or stops or stays silent instead of announcing the broker
     */
    public static BrokerProcess startPersistent(String heap, Place place, Path log)
            throws IOException, InterruptedException {
        return launch(
                heap,
                PersistentBrokerMain.class,
                List.of(place.data().toString(), String.valueOf(place.port()), String.valueOf(place.controllerPort())),
                log,
                true);
    }

    /**
     * Where a persistent broker keeps its data and listens.
     *
     * @param data its data directory, formatted on the first start
     * @param port its client port on {@code 127.0.0.1}
     * @param controllerPort its controller port on {@code 127.0.0.1}
     */
    public record Place(Path data, int port, int controllerPort) {}

    private static BrokerProcess launch(String heap, Class<?> main, List<String> arguments, Path log, boolean keepLog)
            throws IOException, InterruptedException {
        List<String> command = ChildJvms.command(heap, List.of("-XX:+AlwaysPreTouch"), main, arguments);
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        try {
            return new BrokerProcess(process, log, awaitBootstrapServers(process, log), keepLog);
        } catch (IOException | InterruptedException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    private static String awaitBootstrapServers(Process process, Path log) throws IOException, InterruptedException {
        CompletableFuture<String> announced =
                ChildJvms.firstLine(process, EmbeddedKafkaMain.BOOTSTRAP_PREFIX, "benchmark-broker-stdout");
        try {
            String line = announced.get(START_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new IOException("The broker JVM exited with status " + process.waitFor()
                        + " before announcing its address; see its log " + log);
            }
            return line.substring(EmbeddedKafkaMain.BOOTSTRAP_PREFIX.length());
        } catch (TimeoutException e) {
            throw new IOException(
                    "The broker JVM did not announce its address within " + START_TIMEOUT + "; see its log " + log);
        } catch (ExecutionException e) {
            throw new IOException("Cannot read the broker JVM's output: " + e.getCause(), e.getCause());
        }
    }

    /** CPU time the broker's JVM has used so far, in nanoseconds; -1 where the platform cannot tell. */
    public long cpuNanos() {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    /** Where clients connect, {@code host:port}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Closes the broker's standard input and waits for it to stop; kills it if it does not stop in time. */
    @Override
    public void close() throws IOException, InterruptedException {
        process.getOutputStream().close();
        ChildJvms.awaitExit("broker", process, log, STOP_TIMEOUT);
        if (!keepLog) {
            Files.deleteIfExists(log);
        }
    }
}
