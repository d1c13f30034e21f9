package io.realtimeagents.testkit.internal;

/** A broker that runs elsewhere, named by its bootstrap servers; closing this handle leaves that broker running. */
public final class ExternalKafkaBroker extends AdminBackedKafkaBroker {
    /** Connects to the broker at {@code bootstrapServers}; nothing is contacted until the first topic operation. */
    public ExternalKafkaBroker(String bootstrapServers) {
        super(bootstrapServers);
    }

    @Override
    public String kind() {
        return "external";
    }

    @Override
    void stopBroker() {
        // The broker is not ours to stop.
    }
}
