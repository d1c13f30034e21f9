package io.realtimeagents.benchmarks.soak;

import io.realtimeagents.benchmarks.ChildJvms;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A JVM of the soak (the MQTT broker, an agent replica), or of the mesh benchmark (repliers, registry instances), with the same Java and class path as this one, its standard
 * error appended to a log file of the run, started until it prints its ready line. Closing its standard input stops
 * it cleanly; {@link #kill()} stops it as a crash would.
 */
public final class SoakProcess {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final String name;
    private final Process process;
    private final Path log;

    private SoakProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code main} with {@code arguments} and waits until it prints a line starting with {@code ready}.
     *
     * @throws IOException when it exits or stays silent instead, naming its log
     */
    public static SoakProcess start(
            String name, String heap, Class<?> main, List<String> arguments, Path log, String ready)
            throws IOException, InterruptedException {
        List<String> command = ChildJvms.command(heap, List.of("-Djava.net.preferIPv4Stack=true"), main, arguments);
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        CompletableFuture<String> started = ChildJvms.firstLine(process, ready, "soak-" + name + "-stdout");
        try {
            if (started.get(START_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS) == null) {
                throw new IOException("The " + name + " JVM exited (status " + process.waitFor() + ") before it was"
                        + " ready; see its log " + log);
            }
            return new SoakProcess(name, process, log);
        } catch (TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("The " + name + " JVM was not ready within " + START_TIMEOUT + "; see " + log, e);
        } catch (ExecutionException e) {
            process.destroyForcibly();
            throw new IOException("Cannot read the " + name + " JVM's output: " + e.getCause() + "; see " + log, e);
        } catch (InterruptedException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** Kills the JVM at once (SIGKILL) and waits until it is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /**
     * Closes its standard input and waits for it to stop; kills it if it does not stop in time.
     *
     * @throws IOException when it had to be killed or exited with a failure status, naming its log
     */
    public void stop() throws IOException, InterruptedException {
        process.getOutputStream().close();
        ChildJvms.awaitExit(name, process, log, STOP_TIMEOUT);
    }
}
