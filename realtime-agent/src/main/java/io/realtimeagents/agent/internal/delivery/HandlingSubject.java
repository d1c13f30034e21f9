package io.realtimeagents.agent.internal.delivery;

import io.realtimeagents.agent.hooks.HandlingInfo;
import io.realtimeagents.agent.hooks.HandlingInfo.Transport;
import java.nio.charset.StandardCharsets;

/**
 * A message on its way to its handler.
 *
 * @param message the message
 * @param type its message or event type
 * @param propagation what its handling's outputs carry: its correlation id
 */
public record HandlingSubject(InboundMessage message, String type, Propagation propagation) {
    /** What the hooks see of the given attempt. */
    HandlingInfo info(int attempt) {
        byte[] key = message.key();
        return new HandlingInfo(
                "mqtt".equals(message.transport()) ? Transport.MQTT : Transport.KAFKA,
                message.topic(),
                type,
                key == null ? null : new String(key, StandardCharsets.UTF_8),
                propagation.correlationId(),
                attempt);
    }
}
