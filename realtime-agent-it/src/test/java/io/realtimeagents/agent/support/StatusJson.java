package io.realtimeagents.agent.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.realtimeagents.testkit.TestAgent;
import java.util.ArrayList;
import java.util.List;

/** Reading an agent's {@code /realtime/status} and {@code /health} JSON. */
public final class StatusJson {
    private StatusJson() {}

    /** The partitions the agent has paused, from {@code /realtime/status}. */
    public static List<String> pausedPartitions(TestAgent<?> agent) {
        return texts(agent.http().get("/realtime/status").json().path("kafka").path("paused_partitions"));
    }

    /** The text items of a JSON array. */
    public static List<String> texts(JsonNode array) {
        List<String> items = new ArrayList<>();
        array.forEach(item -> items.add(item.asText()));
        return items;
    }
}
