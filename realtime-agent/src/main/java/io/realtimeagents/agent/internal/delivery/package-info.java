/**
 * What every transport shares once a message arrived: decoding and dispatch to the handler, retries with backoff, and
 * the {@link io.realtimeagents.agent.internal.delivery.FailureStrategy} that settles a message failed for good
 * ({@code HANDLER_FAILURE_STRATEGY}: dead-letter, ignore or fail-stop), the user's hooks around each attempt
 * ({@link io.realtimeagents.agent.internal.delivery.HookRunner}), and what a handling's outputs and log lines carry
 * ({@link io.realtimeagents.agent.internal.delivery.Propagation}: the correlation id; the MDC). Kafka records and
 * MQTT messages enter through {@link io.realtimeagents.agent.internal.delivery.InboundMessage}. This package depends
 * on no transport: the dead-letter publisher sends through
 * {@link io.realtimeagents.agent.internal.delivery.RecordSender}, which the Kafka producer implements.
 */
package io.realtimeagents.agent.internal.delivery;
