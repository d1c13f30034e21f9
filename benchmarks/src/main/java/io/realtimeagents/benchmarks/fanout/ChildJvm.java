package io.realtimeagents.benchmarks.fanout;

import io.realtimeagents.benchmarks.ChildJvms;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A JVM of the benchmark (a server or a load generator) started with the same Java and class path as this one, a
 * fixed pre-touched heap and IPv4 sockets, and driven by lines: commands to its standard input, replies from its
 * standard output. Its standard error goes to a temporary log file, kept only when it fails.
 */
final class ChildJvm implements AutoCloseable {
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final String END = "\u0000end";

    private final String name;
    private final Process process;
    private final Path log;
    private final PrintWriter commands;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();

    private ChildJvm(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.commands = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        Thread.ofVirtual().name("benchmark-" + name + "-stdout").start(this::readReplies);
    }

    /**
     * Starts {@code main} in a new JVM.
     *
     * @param name what it is, for thread names, log files and messages
     * @param heap its heap, e.g. {@code 1g}, both initial and maximum
     */
    static ChildJvm start(String name, String heap, Class<?> main, List<String> arguments) throws IOException {
        Path log = Files.createTempFile("benchmark-fanout-" + name + "-", ".log");
        List<String> command = ChildJvms.command(
                heap, List.of("-XX:+AlwaysPreTouch", "-Djava.net.preferIPv4Stack=true"), main, arguments);
        Process process =
                new ProcessBuilder(command).redirectError(log.toFile()).start();
        return new ChildJvm(name, process, log);
    }

    /** Sends one command line. */
    void send(String command) {
        commands.println(command);
        commands.flush();
    }

    /**
     * Waits for the next reply starting with {@code prefix}, skipping others.
     *
     * @throws IOException when it replies {@code ERROR}, exits or stays silent past {@code timeout}; naming its log
     */
    String await(String prefix, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line = replies.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new IOException("The " + name + " JVM did not answer " + prefix + " within " + timeout
                        + "; see its log " + log);
            }
            if (line.equals(END)) {
                throw new IOException("The " + name + " JVM exited (status " + process.waitFor() + ") instead of"
                        + " answering " + prefix + "; see its log " + log);
            }
            if (line.startsWith("ERROR")) {
                throw new IOException("The " + name + " JVM answered: " + line + "; see its log " + log);
            }
            if (line.startsWith(prefix)) {
                return line;
            }
        }
    }

    /** CPU time its JVM has used so far, in nanoseconds; -1 where the platform cannot tell. */
    long cpuNanos() {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    /** Closes its standard input, which ends it, and waits; kills it if it does not end in time. */
    @Override
    public void close() throws IOException, InterruptedException {
        commands.close();
        ChildJvms.awaitExit(name, process, log, STOP_TIMEOUT);
        Files.deleteIfExists(log);
    }

    private void readReplies() {
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                replies.add(line);
            }
        } catch (IOException e) {
            replies.add("ERROR cannot read its output: " + e);
        } finally {
            replies.add(END);
        }
    }
}
