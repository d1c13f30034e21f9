package io.realtimeagents.agent;

import java.time.Instant;

/**
 * Where a produced Kafka record was written, once the brokers acknowledged it ({@code acks=all}).
 *
 * @param topic the topic
 * @param partition the partition
 * @param offset the record's offset
 * @param timestamp the record's timestamp
 */
public record SentRecord(String topic, int partition, long offset, Instant timestamp) {}
