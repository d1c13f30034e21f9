package io.realtimeagents.testkit.internal;

import io.realtimeagents.testkit.KafkaBroker;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What every broker of the test kit shares: a bootstrap address, topic administration through one {@link
 * TopicAdmin}, and a close that runs once. Subclasses say what they are and how the broker itself stops.
 */
abstract class AdminBackedKafkaBroker implements KafkaBroker {
    private final String bootstrapServers;
    private final TopicAdmin topics;
    private final AtomicBoolean closed = new AtomicBoolean();

    AdminBackedKafkaBroker(String bootstrapServers) {
        this.bootstrapServers = Checks.notBlank(bootstrapServers, "bootstrap servers");
        this.topics = TopicAdmin.connect(bootstrapServers);
    }

    @Override
    public final String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public final void createTopic(String name, int partitions) {
        topics.createTopic(name, partitions);
    }

    @Override
    public final void deleteTopic(String name) {
        topics.deleteTopic(name);
    }

    @Override
    public final void close() {
        if (closed.compareAndSet(false, true)) {
            topics.close();
            stopBroker();
        }
    }

    /** Stops the broker itself, once, after the topic admin closed; nothing for a broker that runs elsewhere. */
    abstract void stopBroker();

    @Override
    public String toString() {
        return kind() + " broker at " + bootstrapServers;
    }
}
