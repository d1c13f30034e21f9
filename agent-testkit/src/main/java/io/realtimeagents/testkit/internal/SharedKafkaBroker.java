package io.realtimeagents.testkit.internal;

import io.realtimeagents.testkit.KafkaBroker;

/**
 * The handle tests get for the JVM-wide broker: it forwards everything to the real broker except {@link #close()},
 * which does nothing, so one test cannot stop the broker under the others. The real broker stops at JVM exit.
 */
public final class SharedKafkaBroker implements KafkaBroker {
    private final KafkaBroker delegate;

    /** Wraps {@code delegate}, which the caller stops at JVM exit. */
    public SharedKafkaBroker(KafkaBroker delegate) {
        this.delegate = Checks.notNull(delegate, "delegate");
    }

    @Override
    public String bootstrapServers() {
        return delegate.bootstrapServers();
    }

    @Override
    public void createTopic(String name, int partitions) {
        delegate.createTopic(name, partitions);
    }

    @Override
    public void deleteTopic(String name) {
        delegate.deleteTopic(name);
    }

    @Override
    public String kind() {
        return delegate.kind();
    }

    /** Does nothing: the shared broker lives until the JVM exits. */
    @Override
    public void close() {
        // Intentionally empty: see the class comment.
    }

    @Override
    public String toString() {
        return "shared " + delegate;
    }
}
