package io.realtimeagents.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The JVMs a benchmark starts beside itself (brokers, servers, load generators, soak agents): started with this JVM's
 * Java and class path, a fixed heap and the benchmarks' logging, stopped by closing their standard input.
 */
public final class ChildJvms {
    private ChildJvms() {}

    /**
     * The command that starts {@code main} with {@code arguments} in a new JVM.
     *
     * @param heap its heap, e.g. {@code 1g}, both initial and maximum
     * @param flags further JVM options, e.g. {@code -XX:+AlwaysPreTouch}
     */
    public static List<String> command(String heap, List<String> flags, Class<?> main, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xms" + heap);
        command.add("-Xmx" + heap);
        command.addAll(flags);
        command.add("-Dlogback.configurationFile=" + BenchmarkMain.LOGGING_CONFIGURATION);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(arguments);
        return command;
    }

    /**
     * Reads a JVM's standard output on a virtual thread to its end, so that the JVM never blocks on a full pipe.
     *
     * @param threadName the reading thread's name
     * @return completes with the first line starting with {@code prefix}, with null when the output ends without
     *     one, or exceptionally when it cannot be read
     */
    public static CompletableFuture<String> firstLine(Process process, String prefix, String threadName) {
        CompletableFuture<String> line = new CompletableFuture<>();
        Thread.ofVirtual().name(threadName).start(() -> {
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String next = out.readLine(); next != null; next = out.readLine()) {
                    if (next.startsWith(prefix)) {
                        line.complete(next);
                    }
                }
                line.complete(null);
            } catch (IOException e) {
                line.completeExceptionally(e);
            }
        });
        return line;
    }

    /**
     * Waits for a JVM whose standard input was closed to exit; kills it if it does not exit within {@code timeout}.
     *
     * @param name what it is, for the messages
     * @param log the file its standard error went to, named in the messages
     * @throws IOException when it had to be killed or exited with a failure status
     */
    public static void awaitExit(String name, Process process, Path log, Duration timeout)
            throws IOException, InterruptedException {
        if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IOException(
                    "The " + name + " JVM did not stop within " + timeout + " and was killed; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IOException("The " + name + " JVM exited with status " + process.exitValue() + "; see " + log);
        }
    }
}
