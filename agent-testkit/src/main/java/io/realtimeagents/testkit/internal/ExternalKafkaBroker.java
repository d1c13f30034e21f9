package io.realtimeagents.testkit.internal;

import io.realtimeagents.testkit.KafkaBroker;
import java.util.concurrent.atomic.AtomicBoolean;

/** A broker that runs elsewhere, named by its bootstrap servers; closing this handle leaves that broker running. */
public final class ExternalKafkaBroker implements KafkaBroker {
    private final String bootstrapServers;
    private final TopicAdmin topics;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Connects to the broker at {@code bootstrapServers}; nothing is contacted until the first topic operation. */
    public ExternalKafkaBroker(String bootstrapServers) {
        this.bootstrapServers = Checks.notBlank(bootstrapServers, "bootstrap servers");
        this.topics = TopicAdmin.connect(bootstrapServers);
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void createTopic(String name, int partitions) {
        topics.createTopic(name, partitions);
    }

    @Override
    public void deleteTopic(String name) {
        topics.deleteTopic(name);
    }

    @Override
    public String kind() {
        return "external";
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            topics.close();
        }
    }

    @Override
    public String toString() {
        return kind() + " broker at " + bootstrapServers;
    }
}
