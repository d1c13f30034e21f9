package io.realtimeagents.benchmarks.kafka;

import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.common.config.KafkaOrdering;
import java.util.Locale;

/**
 * A {@link CountingAgent} with {@code KAFKA_ORDERING} and {@code KAFKA_MAX_IN_FLIGHT} set, every other setting at the
 * agent's default.
 */
final class IoAgentContender implements IoContender {
    private final String bootstrapServers;
    private final KafkaOrdering ordering;
    private final int maxInFlight;

    IoAgentContender(String bootstrapServers, KafkaOrdering ordering, int maxInFlight) {
        this.bootstrapServers = bootstrapServers;
        this.ordering = ordering;
        this.maxInFlight = maxInFlight;
    }

    @Override
    public String name() {
        return "agent-" + ordering.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public AutoCloseable start(String topic, String groupId, ReadingHandler handler) {
        return AgentContender.start(
                bootstrapServers,
                topic,
                groupId,
                handler,
                config -> config.set(AgentSettings.KAFKA_ORDERING, ordering)
                        .set(AgentSettings.KAFKA_MAX_IN_FLIGHT, maxInFlight));
    }

    @Override
    public String consumerClientId(String groupId) {
        return AgentContender.CONSUMER_CLIENT_ID;
    }
}
