/**
 * The Kafka consumption benchmark: a plain {@code KafkaConsumer} poll loop against a {@code RealtimeAgent} reading the
 * same topic, on a broker running in a JVM of its own.
 */
package io.realtimeagents.benchmarks.kafka;
