package io.realtimeagents.agent.internal.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.realtimeagents.agent.mesh.AgentInstance;
import io.realtimeagents.common.json.Json;
import io.realtimeagents.common.model.EventType;
import io.realtimeagents.common.model.RealtimeEvent;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The wire shape of an agent card on the registry topic, in {@code GET /realtime/agents} and in the data of
 * {@code agent_joined}/{@code agent_left} events: the {@link AgentInstance} in snake_case JSON, led by
 * {@code card_version} 1, with the lease in milliseconds ({@code lease_ms}) and times as ISO-8601 strings. The record
 * key is {@code <service>/<instance_id>}; a null value is a tombstone. Readers ignore fields they do not know.
 */
final class AgentCardCodec {
    /** The version of the card format written. */
    static final int CARD_VERSION = 1;

    private static final String LEASE = "lease";
    private static final String LEASE_MS = "lease_ms";

    private AgentCardCodec() {}

    /** The card as a JSON tree. */
    static ObjectNode card(AgentInstance instance) {
        ObjectNode card = Json.mapper().createObjectNode().put("card_version", CARD_VERSION);
        card.setAll((ObjectNode) Json.mapper().valueToTree(instance));
        card.remove(LEASE);
        card.put(LEASE_MS, instance.lease().toMillis());
        return card;
    }

    /** The {@code agent_joined} or {@code agent_left} event of an instance: its card's fields and the reason, if any. */
    static RealtimeEvent event(EventType type, AgentInstance instance, String reason, String source) {
        Map<String, Object> data = new LinkedHashMap<>(fields(instance));
        if (reason != null) {
            data.put("reason", reason);
        }
        return RealtimeEvent.of(type, source, data);
    }

    /** The card as a map, for event data. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> fields(AgentInstance instance) {
        return Json.convert(card(instance), Map.class);
    }

    static byte[] encode(AgentInstance instance) {
        return Json.encode(card(instance));
    }

    /**
     * Decodes a record of the registry topic.
     *
     * @param key the record key, {@code <service>/<instance_id>}
     * @param value the card's JSON
     * @throws IllegalArgumentException saying what is wrong: not JSON, a field missing or invalid, or a key that does
     *     not match the card
     */
    static AgentInstance decode(String key, byte[] value) {
        JsonNode tree;
        try {
            tree = Json.tree(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not an agent card: " + e.getMessage(), e);
        }
        if (!(tree instanceof ObjectNode card)) {
            throw new IllegalArgumentException("not an agent card: the value is not a JSON object");
        }
        JsonNode leaseMs = card.path(LEASE_MS);
        if (!leaseMs.canConvertToLong() || leaseMs.asLong() <= 0) {
            throw new IllegalArgumentException("lease_ms must be a positive number, was " + leaseMs);
        }
        card.put(LEASE, Duration.ofMillis(leaseMs.asLong()).toString());
        AgentInstance instance;
        try {
            instance = Json.mapper().treeToValue(card, AgentInstance.class);
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalArgumentException("invalid agent card: " + cause.getMessage(), e);
        }
        if (!instance.key().equals(key)) {
            throw new IllegalArgumentException(
                    "the record key " + key + " does not match the card's " + instance.key());
        }
        return instance;
    }
}
