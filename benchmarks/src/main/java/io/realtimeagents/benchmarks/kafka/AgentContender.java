package io.realtimeagents.benchmarks.kafka;

import io.realtimeagents.agent.RealtimeAgents;
import io.realtimeagents.agent.RunningAgent;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import java.util.function.Consumer;

/**
 * Contender B: a {@link CountingAgent} started with {@link RealtimeAgents#app}, the topic mapped to its message type,
 * with the agent's default Kafka settings (partition workers, periodic commits, metrics) except, when asked, the
 * partition buffer.
 */
final class AgentContender implements Contender {
    private static final String SERVICE_NAME = "throughput-agent";
    /** The agent names its consumer's client id after the service ({@code *} as in {@link ConsumerMetrics}). */
    static final String CONSUMER_CLIENT_ID = SERVICE_NAME + "-*consumer*";

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
        try (RunningAgent agent = start(
                bootstrapServers,
                topic,
                groupId,
                counter::add,
                config -> config.set(AgentSettings.KAFKA_PARTITION_BUFFER_BYTES, partitionBuffer))) {
            counter.open();
            return counter.await(name(), CONSUMER_CLIENT_ID, RUN_TIMEOUT);
        }
    }

    /**
     * Starts a {@link CountingAgent} reading {@code topic} from its beginning with its own consumer group.
     *
     * @param settings sets what the benchmark varies on top of the agent's defaults
     */
    static RunningAgent start(
            String bootstrapServers,
            String topic,
            String groupId,
            ReadingHandler handler,
            Consumer<AgentConfig.Builder> settings) {
        AgentConfig.Builder config = AgentConfig.builder()
                .serviceName(SERVICE_NAME)
                .kafkaBootstrapServers(bootstrapServers)
                .streamingTopics(topic)
                .consumerGroup(groupId)
                .topicMessageType(topic, CountingAgent.MESSAGE_TYPE)
                .httpPort(0);
        settings.accept(config);
        return RealtimeAgents.app(() -> new CountingAgent(handler))
                .config(config.build())
                .start();
    }
}
