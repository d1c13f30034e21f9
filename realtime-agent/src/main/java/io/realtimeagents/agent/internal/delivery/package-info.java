/**
 * What every transport shares once a message arrived: decoding and dispatch to the handler, retries with backoff, and
 * the Kafka dead-letter topic. Kafka records and MQTT messages enter through {@link
 * io.realtimeagents.agent.internal.delivery.InboundMessage}.
 */
package io.realtimeagents.agent.internal.delivery;
