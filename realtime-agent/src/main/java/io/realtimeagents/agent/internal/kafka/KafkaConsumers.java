package io.realtimeagents.agent.internal.kafka;

import io.realtimeagents.agent.internal.delivery.Backoff;
import io.realtimeagents.agent.internal.delivery.FailStopException;
import io.realtimeagents.agent.internal.delivery.StopSignal;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.internal.handler.HandlerRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka runtime's consumer side: one consumer loop at a time over the consumed topics, restarted after a failure
 * with a doubling backoff, replaced when the connection settings change, and stopped.
 */
final class KafkaConsumers {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaRuntime.class);
    private static final Duration FIRST_RESTART_DELAY = Duration.ofSeconds(1);
    private static final Duration MAX_RESTART_DELAY = Duration.ofSeconds(60);
    /** While the consumer keeps failing, a warning at most this often. */
    private static final Duration FAILURE_REMINDER = Duration.ofSeconds(30);

    private final HandlerRegistry registry;
    private final LoopFactory loops;
    private volatile AgentConfig config;
    private volatile List<String> topics = List.of();
    private volatile KafkaConsumerLoop consumerLoop;
    private Duration restartDelay = FIRST_RESTART_DELAY; // guarded by this
    private int failedInARow; // guarded by this
    private long lastFailureLogNanos; // guarded by this
    private final StopSignal restarts = new StopSignal();

    KafkaConsumers(AgentConfig config, HandlerRegistry registry, LoopFactory loops) {
        this.config = config;
        this.registry = registry;
        this.loops = loops;
    }

    /** Makes a consumer loop. */
    @FunctionalInterface
    interface LoopFactory {
        KafkaConsumerLoop create(AgentConfig config, List<String> topics, KafkaConsumerLoop.FailureListener onFailure);
    }

    /**
     * Starts consuming the streaming topics, and the events topic when there are event handlers; does nothing when
     * there is nothing to consume.
     */
    synchronized void start() {
        if (consumerLoop != null) {
            throw new IllegalStateException("Already consuming " + topics);
        }
        topics = consumedTopics(config, registry);
        if (!topics.isEmpty()) {
            consumerLoop = loops.create(config, topics, this::failed);
            consumerLoop.start();
        }
    }

    /**
     * The running loop finishes and commits its in-flight records, then a new one with the new settings resumes from
     * the committed offsets.
     */
    synchronized void reconnect(AgentConfig next) {
        config = next;
        KafkaConsumerLoop running = consumerLoop;
        if (running != null) {
            running.close();
            consumerLoop = loops.create(next, topics, this::failed);
            consumerLoop.start();
        }
    }

    /**
     * A consumer loop stopped on an error (the brokers refused its group or its credentials, a plug-in failed): a new
     * one resumes from the committed offsets after a backoff that doubles up to {@link #MAX_RESTART_DELAY}, and starts
     * over once a loop ran for that long. Readiness says why meanwhile; liveness fails only when the JVM itself is out
     * of resources, or a record failed under {@code HANDLER_FAILURE_STRATEGY=fail-stop}: those stop it for good.
     */
    private void failed(KafkaConsumerLoop failed, Throwable error) {
        if (error instanceof VirtualMachineError || error instanceof FailStopException) {
            return; // for good: the probes report it, a restart of the agent delivers the failed record again
        }
        Duration delay;
        synchronized (this) {
            if (restarts.isStopped() || consumerLoop != failed) {
                return;
            }
            boolean first = failed.age().compareTo(MAX_RESTART_DELAY) >= 0 || failedInARow == 0;
            if (first) {
                restartDelay = FIRST_RESTART_DELAY;
                failedInARow = 0;
            }
            failedInARow++;
            delay = restartDelay;
            restartDelay = Backoff.doubled(restartDelay, MAX_RESTART_DELAY);
            logFailure(first, error, delay);
        }
        failed.status().restarting(delay);
        Thread.ofVirtual().name("realtime-kafka-restart").start(() -> {
            if (!restarts.awaitStop(delay)) {
                restart(failed);
            }
        });
    }

    private void logFailure(boolean first, Throwable error, Duration delay) {
        long now = System.nanoTime();
        if (first) {
            lastFailureLogNanos = now;
            LOG.error(
                    "The Kafka consumer of topics {} stopped; restarting it in {} ms", topics, delay.toMillis(), error);
        } else if (now - lastFailureLogNanos >= FAILURE_REMINDER.toNanos()) {
            lastFailureLogNanos = now;
            LOG.warn(
                    "The Kafka consumer of topics {} keeps failing ({} times in a row, last: {}); restarting it"
                            + " in {} ms",
                    topics,
                    failedInARow,
                    error.toString(),
                    delay.toMillis());
        } else {
            LOG.debug("The Kafka consumer failed again ({}); restarting it in {} ms", error, delay.toMillis());
        }
    }

    private synchronized void restart(KafkaConsumerLoop failed) {
        if (!restarts.isStopped() && consumerLoop == failed) {
            consumerLoop = loops.create(config, topics, this::failed);
            consumerLoop.start();
        }
    }

    /** Stops consuming: in-flight records finish (bounded by the shutdown timeout) and are committed. */
    synchronized void stop() {
        restarts.stop();
        if (consumerLoop != null) {
            consumerLoop.close();
        }
    }

    /** The topics consumed: the streaming topics, plus the events topic when there are event handlers. */
    List<String> topics() {
        return topics;
    }

    /** The consumer loop's state, or null when the agent consumes nothing. */
    ConsumerStatus status() {
        KafkaConsumerLoop loop = consumerLoop;
        return loop == null ? null : loop.status();
    }

    private static List<String> consumedTopics(AgentConfig config, HandlerRegistry registry) {
        List<String> topics = new ArrayList<>(config.streamingTopics());
        registry.kafkaTopics().stream().filter(topic -> !topics.contains(topic)).forEach(topics::add);
        if (registry.hasEventHandlers() && !topics.contains(config.eventsTopic())) {
            topics.add(config.eventsTopic());
        }
        return List.copyOf(topics);
    }
}
