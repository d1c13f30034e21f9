/**
 * The Kafka runtime: a poll loop per agent, a worker per partition (order within a partition, partitions in
 * parallel), retries with paused partitions, dead letters, commits after processing, the idempotent producer.
 */
package io.realtimeagents.agent.internal.kafka;
