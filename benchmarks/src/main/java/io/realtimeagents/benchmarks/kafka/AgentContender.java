package io.realtimeagents.benchmarks.kafka;

import io.realtimeagents.agent.RealtimeAgents;
import io.realtimeagents.agent.RunningAgent;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;

/**
 * Contender B: a {@link CountingAgent} started with {@link RealtimeAgents#app}, the topic mapped to its message type,
 * with the agent's default Kafka settings (partition workers, periodic commits, metrics) except, when asked, the
 * partition buffer.
 */
final class AgentContender implements Contender {
    private static final String SERVICE_NAME = "throughput-agent";

    private final String bootstrapServers;
    private final String topic;
    private final int partitionBuffer;
    private final CpuTime.Clock cpuClock;

    /**
     * @param partitionBuffer the agent's {@code KAFKA_PARTITION_BUFFER_BYTES}: bytes buffered per partition before the
     *     partition is paused
     */
    AgentContender(String bootstrapServers, String topic, int partitionBuffer, CpuTime.Clock cpuClock) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.partitionBuffer = partitionBuffer;
        this.cpuClock = cpuClock;
    }

    @Override
    public String name() {
        return "agent";
    }

    @Override
    public Measurement run(String groupId, long records) throws Exception {
        ReadingCounter counter = new ReadingCounter(records, cpuClock);
        AgentConfig config = AgentConfig.builder()
                .serviceName(SERVICE_NAME)
                .kafkaBootstrapServers(bootstrapServers)
                .streamingTopics(topic)
                .consumerGroup(groupId)
                .topicMessageType(topic, CountingAgent.MESSAGE_TYPE)
                .httpPort(0)
                .set(AgentSettings.KAFKA_PARTITION_BUFFER_BYTES, partitionBuffer)
                .build();
        RunningAgent agent = RealtimeAgents.app(() -> new CountingAgent(counter))
                .config(config)
                .start();
        try {
            counter.open();
            // The agent names its consumer's client id after the service.
            return counter.await(name(), SERVICE_NAME + "-*consumer*", RUN_TIMEOUT);
        } finally {
            agent.close();
        }
    }
}
