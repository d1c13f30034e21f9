package io.realtimeagents.agent.internal.kafka;

import io.realtimeagents.agent.internal.delivery.FailStopException;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.TopicPartition;

/** A thread-safe snapshot of a consumer loop's state, for probes and the status endpoint. */
public final class ConsumerStatus {
    private volatile long lastPollNanos = System.nanoTime();
    private volatile boolean joined;
    private volatile boolean stopped;
    private volatile Throwable failure;
    private volatile Set<String> assignment = Set.of();
    private volatile Set<String> paused = Set.of();
    private volatile String restart;

    void polled() {
        lastPollNanos = System.nanoTime();
    }

    void assigned(Collection<TopicPartition> partitions, boolean complete) {
        assignment = names(partitions);
        joined = complete;
    }

    void paused(Collection<TopicPartition> partitions) {
        if (partitions.size() != paused.size() || !names(partitions).equals(paused)) {
            paused = names(partitions);
        }
    }

    void failed(Throwable error) {
        failure = error;
    }

    void stopped() {
        stopped = true;
    }

    void restarting(Duration delay) {
        restart = "the Kafka consumer stopped on " + failure + "; it restarts in " + delay.toMillis() + " ms";
    }

    /** Whether the consumer has joined its group and received an assignment (possibly empty). */
    public boolean hasJoinedGroup() {
        return joined && !stopped && failure == null;
    }

    /** The error that stopped the loop, or null. */
    public Throwable failure() {
        return failure;
    }

    /**
     * The error that stopped the loop for good, so only a restart of the process helps: the JVM ran out of resources,
     * or a record failed with {@code HANDLER_FAILURE_STRATEGY=fail-stop}; null when the loop runs or is restarted
     * after its error.
     */
    public Throwable fatalFailure() {
        return failure instanceof VirtualMachineError || failure instanceof FailStopException ? failure : null;
    }

    /** Why the consumer is not consuming while it waits to restart after an error, or null. */
    public String restartProblem() {
        return restart;
    }

    /** Whether the loop has stopped (after close, or after a failure). */
    public boolean isStopped() {
        return stopped;
    }

    /** Milliseconds since the last poll returned. */
    public long millisSinceLastPoll() {
        return (System.nanoTime() - lastPollNanos) / 1_000_000;
    }

    /** Assigned partitions as {@code topic-partition}. */
    public Set<String> assignment() {
        return assignment;
    }

    /** Partitions paused for back-pressure or retry backoff. */
    public Set<String> paused() {
        return paused;
    }

    private static Set<String> names(Collection<TopicPartition> partitions) {
        Set<String> names = new TreeSet<>();
        partitions.forEach(partition -> names.add(partition.toString()));
        return Set.copyOf(names);
    }
}
