package io.realtimeagents.agent.support;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * A consumer interceptor ({@code interceptor.classes}) that makes the live feed of the agents of one service fail for
 * real, one test at a time: after {@link #fail()} the next records the feed reads interrupt its thread, so the real
 * consumer's next poll throws Kafka's {@code InterruptException} (an exception thrown by an interceptor itself would
 * be logged and swallowed by the client); and until {@link #heal()} its new consumers fail to construct, so restarts
 * fail too. Other consumers pass.
 */
public final class FaultyLiveFeed implements ConsumerInterceptor<byte[], byte[]> {
    private static final AtomicBoolean INTERRUPT_NEXT = new AtomicBoolean();
    private static volatile String service;
    private static volatile boolean failing;

    private boolean watched;

    /** Makes the faults act on the live feeds of a service's agents started from now on. */
    public static void watch(String serviceName) {
        service = serviceName;
    }

    /** The watched feed fails when it next reads records, and cannot restart until {@link #heal()}. */
    public static void fail() {
        failing = true;
        INTERRUPT_NEXT.set(true);
    }

    /** Restarts of the watched feed succeed again. */
    public static void heal() {
        failing = false;
        INTERRUPT_NEXT.set(false);
    }

    @Override
    public void configure(Map<String, ?> configs) {
        String clientId = String.valueOf(configs.get("client.id"));
        String name = service;
        watched = name != null && clientId.startsWith(name + "-") && clientId.contains("-live-");
        if (watched && failing) {
            throw new IllegalStateException("the test keeps the live feed from starting a consumer");
        }
    }

    @Override
    public ConsumerRecords<byte[], byte[]> onConsume(ConsumerRecords<byte[], byte[]> records) {
        if (watched && INTERRUPT_NEXT.compareAndSet(true, false)) {
            Thread.currentThread().interrupt();
        }
        return records;
    }

    @Override
    public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {}

    @Override
    public void close() {}
}
