package io.realtimeagents.agent.support;

import io.realtimeagents.agent.RealtimeAgent;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Handles {@value #MESSAGE_TYPE} messages ({@code {"id": 17}}) by doing some work and then forwarding the id to an
 * output topic, waiting for the brokers' acknowledgement: the output topic is the record of what was processed, and
 * it survives the agent's process.
 */
public final class ForwardingAgent extends RealtimeAgent {
    /** The message type this agent handles. */
    public static final String MESSAGE_TYPE = "item";

    private final String outputTopic;
    private final Duration work;
    private final Set<Integer> handled = ConcurrentHashMap.newKeySet();

    /**
     * @param outputTopic where processed ids go, keyed and valued by the id
     * @param work how long handling one record takes before forwarding it, to simulate a real handler
     */
    public ForwardingAgent(String outputTopic, Duration work) {
        this.outputTopic = outputTopic;
        this.work = work;
    }

    /** The body of the record with the given id. */
    public static String body(int id) {
        return "{\"id\":" + id + "}";
    }

    /** Ids this instance has handled. */
    public Set<Integer> handled() {
        return Set.copyOf(handled);
    }

    @Override
    protected void initialize() {
        onMessage(MESSAGE_TYPE, Item.class, (item, context) -> {
            simulateWork();
            String id = Integer.toString(item.id());
            sendKafkaMessage(outputTopic, id, id).toCompletableFuture().join();
            handled.add(item.id());
        });
    }

    private void simulateWork() {
        if (!work.isZero()) {
            LockSupport.parkNanos(work.toNanos());
        }
    }

    /**
     * The payload of an {@value #MESSAGE_TYPE} message.
     *
     * @param id the record's id
     */
    public record Item(int id) {}
}
