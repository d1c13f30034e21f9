package io.realtimeagents.agent.hooks;

/**
 * Which message a handler attempt is about, as {@link AgentHook}s see it.
 *
 * @param transport where the message arrived
 * @param topic the Kafka topic or MQTT topic it arrived on
 * @param messageType the message type (or event type) it is dispatched by
 * @param key the Kafka record key as UTF-8, or null (MQTT messages have none)
 * @param correlationId the handling's correlation id, as in {@code context.correlationId()}
 * @param attempt 1 on the first attempt, 2 on the first retry, and so on
 */
public record HandlingInfo(
        Transport transport, String topic, String messageType, String key, String correlationId, int attempt) {
    /** Where a message arrived. */
    public enum Transport {
        /** A Kafka record: a message, or an event of the events topic. */
        KAFKA,
        /** An MQTT message of a subscription. */
        MQTT
    }
}
