package io.realtimeagents.secrets;

import io.realtimeagents.common.RealtimeAgentException;
import io.realtimeagents.secrets.internal.Checks;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Re-reads the platform secrets on an interval and tells a {@link SecretChangeListener} about each service whose
 * secret's content changed. Secrets are compared by content, so re-reading unchanged secrets calls nothing. A
 * re-read that fails (e.g. the API server is briefly unreachable and no fallback has a required secret) keeps the
 * current secrets and logs a warning; the next interval tries again. Values are never logged: only the names of the
 * keys that changed.
 *
 * <p>Re-reading rather than a Kubernetes watch: it works the same for every source (mounted files are updated by the
 * kubelet in place, environment variables never change), needs only {@code get} permission, and survives API server
 * restarts without reconnect logic.
 */
public final class PlatformSecretWatcher implements AutoCloseable {
    /** The default time between re-reads. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(PlatformSecretWatcher.class);

    private final PlatformSecretLoader loader;
    private final Set<PlatformService> usedServices;
    private final SecretChangeListener listener;
    private final ScheduledExecutorService timer;
    private PlatformSecrets current;

    private PlatformSecretWatcher(Builder builder) {
        this.loader = builder.loader;
        this.usedServices = builder.usedServices;
        this.listener = builder.listener;
        this.current = builder.initial;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "platform-secret-watcher-" + builder.loader.platform());
            thread.setDaemon(true);
            return thread;
        });
        long millis = builder.interval.toMillis();
        timer.scheduleWithFixedDelay(this::refreshQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * A builder of a watcher.
     *
     * @param loader the loader that read the initial secrets
     * @param initial the secrets the agent was configured with
     */
    public static Builder builder(PlatformSecretLoader loader, PlatformSecrets initial) {
        return new Builder(loader, initial);
    }

    /** The secrets as last read. */
    public synchronized PlatformSecrets current() {
        return current;
    }

    /**
     * Re-reads the secrets now and notifies the listener of each changed service.
     *
     * @return the services whose secret changed
     * @throws io.realtimeagents.common.ConfigurationException when the secrets cannot be read; the current ones are
     *     kept
     */
    public synchronized Set<PlatformService> refresh() {
        PlatformSecrets next = loader.load(usedServices, Level.DEBUG);
        PlatformSecrets previous = current;
        Set<PlatformService> changed = previous.changedServices(next);
        current = next;
        for (PlatformService service : changed) {
            LOG.info(
                    "Platform secret {} changed (keys {}): notifying",
                    service.secretName(loader.platform()),
                    changedKeys(service, previous, next));
            try {
                listener.onChange(service, previous, next);
            } catch (RuntimeException e) {
                LOG.error("The listener of platform secret changes failed for {}", service.id(), e);
            }
        }
        return changed;
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RealtimeAgentException e) {
            LOG.warn("Re-reading the platform secrets failed; keeping the current ones. {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Re-reading the platform secrets failed; keeping the current ones", e);
        }
    }

    private static Set<String> changedKeys(PlatformService service, PlatformSecrets previous, PlatformSecrets next) {
        ServiceSecret before = previous.secret(service).orElse(null);
        ServiceSecret after = next.secret(service).orElse(null);
        if (after != null) {
            return after.changedKeys(before);
        }
        return before == null ? Set.of() : before.keys();
    }

    /** Stops re-reading. */
    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** Builds and starts a {@link PlatformSecretWatcher}. */
    public static final class Builder {
        private final PlatformSecretLoader loader;
        private final PlatformSecrets initial;
        private Set<PlatformService> usedServices = EnumSet.noneOf(PlatformService.class);
        private Duration interval = DEFAULT_INTERVAL;
        private SecretChangeListener listener;

        private Builder(PlatformSecretLoader loader, PlatformSecrets initial) {
            this.loader = Checks.notNull(loader, "loader");
            this.initial = Checks.notNull(initial, "initial");
        }

        /** The services the agent uses, as given to {@link PlatformSecretLoader#load(Set)}. */
        public Builder usedServices(Set<PlatformService> services) {
            this.usedServices = services.isEmpty() ? EnumSet.noneOf(PlatformService.class) : EnumSet.copyOf(services);
            return this;
        }

        /** The time between re-reads (default {@link #DEFAULT_INTERVAL}). */
        public Builder interval(Duration time) {
            if (time.isNegative() || time.isZero()) {
                throw new IllegalArgumentException("Invalid interval " + time + ": must be positive");
            }
            this.interval = time;
            return this;
        }

        /** Who to tell about changes (required). */
        public Builder listener(SecretChangeListener changes) {
            this.listener = Checks.notNull(changes, "listener");
            return this;
        }

        /** Starts re-reading; the first re-read happens one interval from now. */
        public PlatformSecretWatcher start() {
            if (listener == null) {
                throw new IllegalStateException("No listener given: call listener(...) before start()");
            }
            return new PlatformSecretWatcher(this);
        }
    }
}
