package io.realtimeagents.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Reads the messages of live delivery that {@link WsTestClient} and {@link SseTestClient} receive. A broadcast is
 * {@code {"message_type": "broadcast", "payload": {"topic", "data"}}}.
 */
public final class LiveMessages {
    private LiveMessages() {}

    /** The {@code payload.data} of the broadcasts on the live topic among the messages, in order. */
    public static List<JsonNode> broadcasts(List<JsonNode> messages, String topic) {
        return messages.stream()
                .filter(message ->
                        "broadcast".equals(message.path("message_type").asText()))
                .filter(message ->
                        topic.equals(message.path("payload").path("topic").asText()))
                .map(message -> message.path("payload").path("data"))
                .toList();
    }
}
