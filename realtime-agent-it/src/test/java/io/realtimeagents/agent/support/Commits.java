package io.realtimeagents.agent.support;

import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.testkit.KafkaTestClient;

/** What an agent's consumer group has committed. */
public final class Commits {
    private Commits() {}

    /** The offsets the agent's consumer group has committed on {@code topic}, summed over its partitions. */
    public static long committed(KafkaTestClient client, AgentConfig config, String topic) {
        return client.committedOffsets(config.consumerGroup(), topic).values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }
}
