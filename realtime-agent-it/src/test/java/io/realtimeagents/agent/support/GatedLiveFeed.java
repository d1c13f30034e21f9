package io.realtimeagents.agent.support;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * A consumer interceptor ({@code interceptor.classes}) that holds the records read by the live feed of the agents of
 * one service while a gate is closed, so a test can tell what reached clients without the feed (one test at a time).
 * Other consumers pass.
 */
public final class GatedLiveFeed implements ConsumerInterceptor<byte[], byte[]> {
    private static volatile String service;
    private static volatile CountDownLatch gate;

    private boolean gated;

    /** Makes the gate act on the live feeds of a service's agents started from now on. */
    public static void watch(String serviceName) {
        service = serviceName;
    }

    /** Closes the gate: the watched feeds hold the next records they read. */
    public static void hold() {
        gate = new CountDownLatch(1);
    }

    /** Opens the gate: held records go on. */
    public static void release() {
        CountDownLatch current = gate;
        gate = null;
        if (current != null) {
            current.countDown();
        }
    }

    @Override
    public void configure(Map<String, ?> configs) {
        String clientId = String.valueOf(configs.get("client.id"));
        String name = service;
        gated = name != null && clientId.startsWith(name + "-") && clientId.contains("-live-");
    }

    @Override
    public ConsumerRecords<byte[], byte[]> onConsume(ConsumerRecords<byte[], byte[]> records) {
        CountDownLatch current = gate;
        if (gated && current != null) {
            try {
                current.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return records;
    }

    @Override
    public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {}

    @Override
    public void close() {}
}
