package io.realtimeagents.agent.internal.kafka;

import io.realtimeagents.common.config.AgentConfig;
import java.util.List;

/**
 * A part of the agent that has Kafka clients of its own (the live feed): it reconnects when the Kafka runtime does,
 * and its problems are part of Kafka's readiness.
 */
public interface KafkaFollower {
    /** Reconnects with the new Kafka connection settings. */
    void reconnect(AgentConfig next);

    /** Why it cannot take traffic now; empty when ready. */
    List<String> problems();
}
