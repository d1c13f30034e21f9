package io.realtimeagents.agent.internal.kafka;

import io.realtimeagents.common.config.AgentConfig;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the Kafka brokers answer: a background check ({@code describeCluster}) every few seconds, so probes read a
 * cached answer and never wait on the network. While the brokers are unreachable it says so once, with the reason,
 * reminds at most every {@link #REMINDER_INTERVAL}, and says once when they answer again.
 */
public final class BrokerHealth implements AutoCloseable {
    /** Longest time between two log lines saying the brokers are still unreachable. */
    public static final Duration REMINDER_INTERVAL = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(BrokerHealth.class);
    /**
     * Time between the starts of two checks. A check waits up to {@link #CHECK_TIMEOUT} for an answer, and answers as
     * soon as brokers that were down come back; a check that fails at once (a controller listener, a refused login)
     * still waits for the next period.
     */
    private static final Duration INTERVAL = Duration.ofSeconds(5);

    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(4);

    private final String bootstrapServers;
    private final Admin admin;
    private final BrokerDiagnosis diagnosis;
    private final ScheduledExecutorService timer;
    private volatile boolean reachable;
    private volatile int brokers;
    private volatile String lastError = "the first check has not finished yet";
    // Confined to the timer's thread:
    private long lostAtNanos;
    private long remindedAtNanos;
    private boolean lost;
    private boolean reachedOnce;

    BrokerHealth(AgentConfig config) {
        this.bootstrapServers = config.kafkaBootstrapServers();
        this.admin = Admin.create(KafkaProperties.admin(config));
        this.diagnosis = new BrokerDiagnosis(bootstrapServers, KafkaProperties.controllerAdmin(config));
        this.timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("realtime-kafka-health").daemon().factory());
        timer.execute(this::checkAndReschedule);
    }

    /** Whether the last check reached the cluster. */
    public boolean reachable() {
        return reachable;
    }

    /** Brokers seen by the last successful check. */
    public int brokers() {
        return brokers;
    }

    /** Why the last check failed, or null when it succeeded. */
    public String lastError() {
        return reachable ? null : lastError;
    }

    private void checkAndReschedule() {
        long startNanos = System.nanoTime();
        try {
            check();
        } finally {
            long delayNanos = Math.max(0, INTERVAL.toNanos() - (System.nanoTime() - startNanos));
            try {
                timer.schedule(this::checkAndReschedule, delayNanos, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException closed) {
                // closing
            }
        }
    }

    private void check() {
        try {
            int seen = admin.describeCluster()
                    .nodes()
                    .get(CHECK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .size();
            brokers = seen;
            reachable = true;
            onReachable(seen);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            lastError = diagnosis.explain(e);
            reachable = false;
            onUnreachable();
        }
    }

    private void onReachable(int seen) {
        if (lost) {
            LOG.info(
                    "Kafka brokers at {} are reachable (after {} without them): {} broker(s)",
                    bootstrapServers,
                    since(lostAtNanos),
                    seen);
            lost = false;
        } else if (!reachedOnce) {
            LOG.info("Kafka reachable: {} broker(s)", seen);
        }
        reachedOnce = true;
    }

    private void onUnreachable() {
        long now = System.nanoTime();
        if (!lost) {
            lost = true;
            lostAtNanos = now;
            remindedAtNanos = now;
            LOG.warn(
                    "Kafka brokers at {} are not reachable: {}. The agent is not ready; it keeps trying and"
                            + " reminds every {} s until they answer",
                    bootstrapServers,
                    lastError,
                    REMINDER_INTERVAL.toSeconds());
        } else if (now - remindedAtNanos >= REMINDER_INTERVAL.toNanos()) {
            remindedAtNanos = now;
            LOG.warn(
                    "Kafka brokers at {} are still not reachable after {}: {}",
                    bootstrapServers,
                    since(lostAtNanos),
                    lastError);
        }
    }

    private static String since(long startNanos) {
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos);
        return seconds < 120 ? seconds + " s" : seconds / 60 + " min " + seconds % 60 + " s";
    }

    @Override
    public void close() {
        timer.shutdownNow();
        admin.close(Duration.ofSeconds(2));
    }
}
