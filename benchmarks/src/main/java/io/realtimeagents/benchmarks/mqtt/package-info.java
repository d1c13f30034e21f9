/**
 * The {@code mqtt} benchmark: QoS 1 messages from one publisher into a plain Paho subscriber and into a {@code
 * RealtimeAgent}, and through the agent's MQTT-to-Kafka bridge.
 */
package io.realtimeagents.benchmarks.mqtt;
