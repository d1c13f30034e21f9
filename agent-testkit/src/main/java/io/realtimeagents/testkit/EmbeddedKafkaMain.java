package io.realtimeagents.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Runs an in-JVM Kafka broker as a process of its own, for benchmarks and manual tests.
 *
 * <p>It prints exactly one line, {@code BOOTSTRAP_SERVERS=<host:port>}, to standard output once the broker accepts
 * clients, then runs until standard input is closed or the process is terminated, and stops the broker cleanly in
 * both cases. Everything else that would go to standard output (Kafka prints a few lines while it formats storage,
 * console log appenders) is sent to standard error instead.
 */
public final class EmbeddedKafkaMain {
    /** Start of the line that announces the broker's address. */
    public static final String BOOTSTRAP_PREFIX = "BOOTSTRAP_SERVERS=";

    private EmbeddedKafkaMain() {}

    /**
     * Starts the broker and serves until standard input closes or the JVM is asked to stop. Exits with status 1 if
     * the broker cannot start.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        PrintStream stdout = System.out;
        System.setOut(System.err); // Kafka prints formatting details to System.out; keep them off our one line
        int status = 0;
        try {
            run(System.in, stdout);
        } catch (RuntimeException e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    /** Starts a broker, announces it on {@code out}, waits for the end of {@code in} and stops the broker. */
    static void run(InputStream in, PrintStream out) {
        KafkaBroker broker = KafkaBrokers.startEmbedded();
        Thread stopOnSignal = new Thread(broker::close, "realtime-agents-kafka-main-shutdown");
        Runtime.getRuntime().addShutdownHook(stopOnSignal);
        try {
            out.println(BOOTSTRAP_PREFIX + broker.bootstrapServers());
            out.flush();
            drain(in);
        } finally {
            broker.close();
            removeHook(stopOnSignal);
        }
    }

    private static void drain(InputStream in) {
        try {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // A broken standard input means the parent is gone: stop like on end of input.
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down; the hook finds the broker closed.
        }
    }
}
