package io.realtimeagents.agent.internal.mesh;

import io.realtimeagents.agent.mesh.AgentDirectory;
import io.realtimeagents.agent.mesh.AgentInstance;
import io.realtimeagents.agent.mesh.MissingDependenciesException;
import io.realtimeagents.common.internal.Checks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live instances, as read from the registry topic. An announcement lives until its record's timestamp plus the
 * lease it carries (a timestamp in the future counts as now, so a fast clock cannot stretch a lease); a newer
 * announcement renews it, a tombstone ends it, and {@link #expire()} drops those whose lease passed. An announcement
 * whose lease had already passed when it was read (an instance that crashed before this agent started) never enters.
 * Timestamps are the broker's when the topic keeps log-append time (as a topic the agent creates does), so the lease
 * is measured on one clock.
 *
 * <p>Written by the registry reader's thread, read from any thread.
 */
final class RegistryView implements AgentDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryView.class);

    /** The first wait of {@link #awaitDependencies}; it doubles up to {@link #MAX_BACKOFF}. */
    static final Duration FIRST_BACKOFF = Duration.ofMillis(50);
    /** The longest wait between two checks of {@link #awaitDependencies}. */
    static final Duration MAX_BACKOFF = Duration.ofSeconds(1);

    private static final Comparator<AgentInstance> ORDER =
            Comparator.comparing(AgentInstance::service).thenComparing(AgentInstance::instanceId);

    private final ConcurrentSkipListMap<String, Live> live = new ConcurrentSkipListMap<>();
    private final LongSupplier clock;
    private final ScheduledExecutorService scheduler;
    private final String topic;

    private record Live(AgentInstance instance, long expiresAtMillis) {}

    /**
     * @param clock the current time in epoch milliseconds
     * @param scheduler runs the checks of {@link #awaitDependencies}
     * @param topic the registry topic, named in errors
     */
    RegistryView(LongSupplier clock, ScheduledExecutorService scheduler, String topic) {
        this.clock = clock;
        this.scheduler = scheduler;
        this.topic = topic;
    }

    /**
     * Records an announcement.
     *
     * @param timestampMillis the record's timestamp
     * @return whether the instance is new to the view (it was not live)
     */
    boolean announce(AgentInstance instance, long timestampMillis) {
        long from = Math.min(timestampMillis, clock.getAsLong());
        long expiresAt = from + instance.lease().toMillis();
        if (expiresAt <= clock.getAsLong()) {
            live.remove(instance.key());
            return false;
        }
        return live.put(instance.key(), new Live(instance, expiresAt)) == null;
    }

    /** Records a tombstone; returns the instance that left, or null when it was not live. */
    AgentInstance remove(String key) {
        Live removed = live.remove(key);
        return removed == null ? null : removed.instance();
    }

    /** Drops the instances whose lease passed and returns them. */
    List<AgentInstance> expire() {
        long now = clock.getAsLong();
        List<AgentInstance> expired = new ArrayList<>();
        for (Map.Entry<String, Live> entry : live.entrySet()) {
            if (entry.getValue().expiresAtMillis() <= now && live.remove(entry.getKey(), entry.getValue())) {
                expired.add(entry.getValue().instance());
            }
        }
        return expired;
    }

    /** Whether the key is the smallest among the live instances' keys (false when it is not live). */
    boolean isFirst(String key) {
        Map.Entry<String, Live> first = live.firstEntry();
        return first != null && first.getKey().equals(key);
    }

    /** The services among those given with no live instance, in the given order. */
    List<String> missing(List<String> services) {
        return services.stream().filter(service -> discover(service).isEmpty()).toList();
    }

    @Override
    public List<AgentInstance> instances() {
        return live.values().stream().map(Live::instance).sorted(ORDER).toList();
    }

    @Override
    public List<AgentInstance> discover(String service) {
        Checks.notNull(service, "service");
        return instances().stream()
                .filter(instance -> instance.service().equals(service))
                .toList();
    }

    @Override
    public List<AgentInstance> discoverByCapability(String capability) {
        Checks.notNull(capability, "capability");
        return instances().stream()
                .filter(instance -> instance.hasCapability(capability))
                .toList();
    }

    @Override
    public CompletionStage<Void> awaitDependencies(Duration timeout, String... services) {
        Checks.notNegative(timeout, "timeout");
        Checks.notNull(services, "services");
        List<String> wanted = List.of(services);
        CompletableFuture<Void> done = new CompletableFuture<>();
        check(wanted, done, clock.getAsLong() + timeout.toMillis(), timeout, FIRST_BACKOFF.toMillis());
        return done;
    }

    private void check(List<String> wanted, CompletableFuture<Void> done, long deadline, Duration timeout, long wait) {
        List<String> missing = missing(wanted);
        long left = deadline - clock.getAsLong();
        if (missing.isEmpty()) {
            done.complete(null);
        } else if (left <= 0) {
            done.completeExceptionally(new MissingDependenciesException(missing, timeout, topic));
        } else {
            long next = Math.min(wait, left);
            long after = Math.min(wait * 2, MAX_BACKOFF.toMillis());
            try {
                scheduler.schedule(() -> check(wanted, done, deadline, timeout, after), next, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                done.completeExceptionally(new MissingDependenciesException(missing, timeout, topic));
            }
        }
    }

    /**
     * Waits, blocking, until each service has a live instance, at most {@code timeout}.
     *
     * @throws io.realtimeagents.agent.mesh.MissingDependenciesException naming those still missing
     */
    void awaitBlocking(Duration timeout, List<String> services) {
        LOG.info("Waiting up to {} ms for {} in the agent registry", timeout.toMillis(), services);
        try {
            awaitDependencies(timeout, services.toArray(String[]::new))
                    .toCompletableFuture()
                    .join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
