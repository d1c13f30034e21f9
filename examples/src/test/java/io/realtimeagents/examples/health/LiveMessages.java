package io.realtimeagents.examples.health;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Reads the messages of live delivery: {@code {"message_type": "broadcast", "payload": {"topic", "data"}}}. */
final class LiveMessages {
    private LiveMessages() {}

    /** The {@code data} of the broadcasts on the topic, in order. */
    static List<JsonNode> broadcasts(List<JsonNode> messages, String topic) {
        return messages.stream()
                .filter(message ->
                        "broadcast".equals(message.path("message_type").asText()))
                .filter(message ->
                        topic.equals(message.path("payload").path("topic").asText()))
                .map(message -> message.path("payload").path("data"))
                .toList();
    }
}
