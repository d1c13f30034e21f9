package io.realtimeagents.agent.internal.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the Kafka brokers answer: a background check every few seconds ({@code describeCluster}), so probes read a
 * cached answer and never wait on the network.
 */
public final class BrokerHealth implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerHealth.class);
    private static final Duration INTERVAL = Duration.ofSeconds(5);

    private final Admin admin;
    private final ScheduledExecutorService timer;
    private volatile boolean reachable;
    private volatile int brokers;
    private volatile String lastError = "not checked yet";

    BrokerHealth(Map<String, Object> adminProperties) {
        this.admin = Admin.create(adminProperties);
        this.timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("realtime-kafka-health").daemon().factory());
        timer.scheduleWithFixedDelay(this::check, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
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

    private void check() {
        try {
            int seen = admin.describeCluster().nodes().get(4, TimeUnit.SECONDS).size();
            brokers = seen;
            if (!reachable) {
                LOG.info("Kafka reachable: {} broker(s)", seen);
            }
            reachable = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            String error = e.getCause() != null ? e.getCause().toString() : e.toString();
            if (reachable || !error.equals(lastError)) {
                LOG.warn("Kafka brokers not reachable: {}", error);
            }
            lastError = error;
            reachable = false;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        admin.close(Duration.ofSeconds(2));
    }
}
