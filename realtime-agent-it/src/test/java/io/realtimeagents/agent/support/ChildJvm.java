package io.realtimeagents.agent.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A main class of the test class path running in a JVM of its own; its output goes to a log file under target. */
public final class ChildJvm implements AutoCloseable {
    private static final Path LOGS = Path.of("target", "child-jvm-logs");

    private final Process process;
    private final Path log;

    private ChildJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code mainClass} with the arguments, on this JVM's class path and Java installation. The agent registry
     * is off unless the arguments set {@code --agent.registry.enabled} (see {@link TestAgents#config}).
     */
    public static ChildJvm start(Class<?> mainClass, String logName, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        if (args.stream().noneMatch(arg -> arg.startsWith("--agent.registry.enabled="))) {
            command.add("--agent.registry.enabled=false");
        }
        command.addAll(args);
        try {
            Files.createDirectories(LOGS);
            Path log = LOGS.resolve(logName + ".log");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new ChildJvm(process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start a JVM running " + mainClass.getName(), e);
        }
    }

    /** Whether the process is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Waits until the process ended, up to the timeout, and returns its exit status.
     *
     * @throws AssertionError when it is still running at the deadline
     */
    public int awaitExit(java.time.Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(
                    "The child JVM " + process.pid() + " still runs after " + timeout + "; see " + log);
        }
        return process.exitValue();
    }

    /** Asks the process to stop (SIGTERM: shutdown hooks run). */
    public void terminate() {
        process.destroy();
    }

    /** Where its output goes. */
    public Path log() {
        return log;
    }

    /** Kills the process at once (SIGKILL: no shutdown hooks, no commits, no flush) and waits until it is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The child JVM " + process.pid() + " did not die within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while killing the child JVM", e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
