package io.realtimeagents.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimeagents.agent.support.ChildJvm;
import io.realtimeagents.agent.support.ForwardingAgent;
import io.realtimeagents.agent.support.ForwardingAgentMain;
import io.realtimeagents.agent.support.TestAgents;
import io.realtimeagents.agent.support.TopicWatcher;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.testkit.Await;
import io.realtimeagents.testkit.KafkaBroker;
import io.realtimeagents.testkit.KafkaTestClient;
import io.realtimeagents.testkit.WithKafka;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An agent stopped in the middle of a stream, killed or closed, loses nothing: a successor in the same consumer
 * group processes every record the first one did not finish.
 */
@WithKafka
@SuppressWarnings("try") // agents run for the duration of try blocks that need no reference to them
class AtLeastOnceIT {
    private static final Logger LOG = LoggerFactory.getLogger(AtLeastOnceIT.class);
    private static final int RECORDS = 2000;
    private static final int PROCESSED_BEFORE_STOP = 300;
    private static final Duration WORK = Duration.ofMillis(5);
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @Test
    void agentKilledMidStream_losesNoRecord_whenASuccessorTakesOver(KafkaBroker broker, KafkaTestClient client)
            throws Exception {
        String input = client.uniqueTopic("killed-input", 4);
        String output = client.uniqueTopic("killed-output", 4);
        String group = TestAgents.uniqueName("killed-group");
        produce(client, input);

        try (TopicWatcher processed = new TopicWatcher(broker.bootstrapServers(), output);
                ChildJvm child = ChildJvm.start(
                        ForwardingAgentMain.class, group, childArguments(broker, input, output, group))) {
            Await.await(TIMEOUT, PROCESSED_BEFORE_STOP + " records processed by the child JVM", () -> {
                if (!child.isAlive()) {
                    throw new AssertionError("The child JVM exited early; see " + child.log());
                }
                return distinct(processed.poll()) >= PROCESSED_BEFORE_STOP;
            });
            child.kill();
            int processedByChild = distinct(processed.pollToEnd(TIMEOUT));
            assertThat(processedByChild).as("ids processed before the kill").isLessThan(RECORDS);

            AgentConfig successor = forwarderConfig(broker, input, group);
            ForwardingAgent agent = new ForwardingAgent(output, Duration.ZERO);
            try (RunningAgent running = TestAgents.start(agent, successor)) {
                Await.await(TIMEOUT, "every id forwarded", () -> distinct(processed.poll()) == RECORDS);
            }
            processed.pollToEnd(TIMEOUT);
            List<String> values = processed.values();
            assertThat(ids(values)).isEqualTo(allIds());
            assertThat(agent.handled()).isNotEmpty();
            LOG.info(
                    "Kill test: {} ids before SIGKILL, {} by the successor, {} duplicates",
                    processedByChild,
                    agent.handled().size(),
                    values.size() - RECORDS);
        }
    }

    @Test
    void agentClosedMidStream_losesNoRecordAndDuplicatesNone_whenASuccessorTakesOver(
            KafkaBroker broker, KafkaTestClient client) throws Exception {
        String input = client.uniqueTopic("closed-input", 4);
        String output = client.uniqueTopic("closed-output", 4);
        String group = TestAgents.uniqueName("closed-group");
        produce(client, input);

        try (TopicWatcher processed = new TopicWatcher(broker.bootstrapServers(), output)) {
            ForwardingAgent first = new ForwardingAgent(output, WORK);
            try (RunningAgent running = TestAgents.start(first, forwarderConfig(broker, input, group))) {
                Await.await(
                        TIMEOUT,
                        PROCESSED_BEFORE_STOP + " records processed by the first agent",
                        () -> first.handled().size() >= PROCESSED_BEFORE_STOP);
            }
            int processedByFirst = first.handled().size();
            assertThat(processedByFirst).as("ids processed before close").isLessThan(RECORDS);

            ForwardingAgent second = new ForwardingAgent(output, Duration.ZERO);
            try (RunningAgent running = TestAgents.start(second, forwarderConfig(broker, input, group))) {
                Await.await(TIMEOUT, "every id forwarded", () -> distinct(processed.poll()) == RECORDS);
            }
            processed.pollToEnd(TIMEOUT);
            List<String> values = processed.values();
            assertThat(ids(values)).isEqualTo(allIds());
            assertThat(values).as("forwarded ids, duplicates included").hasSize(RECORDS);
            Set<Integer> both = new HashSet<>(first.handled());
            both.retainAll(second.handled());
            assertThat(both).as("ids handled by both agents").isEmpty();
        }
    }

    private static void produce(KafkaTestClient client, String input) {
        for (int id = 0; id < RECORDS; id++) {
            client.produce(input, "device-" + (id % 50), ForwardingAgent.body(id));
        }
    }

    private static AgentConfig forwarderConfig(KafkaBroker broker, String input, String group) {
        return TestAgents.config(broker, "forwarder")
                .consumerGroup(group)
                .streamingTopics(input)
                .topicMessageType(input, ForwardingAgent.MESSAGE_TYPE)
                .build();
    }

    private static List<String> childArguments(KafkaBroker broker, String input, String output, String group) {
        return List.of(
                "--service.name=forwarder-child",
                "--kafka.bootstrap-servers=" + broker.bootstrapServers(),
                "--streaming.topics=" + input,
                "--streaming.consumer-group=" + group,
                "--kafka.topic-message-types=" + input + "=" + ForwardingAgent.MESSAGE_TYPE,
                "--kafka.commit-interval=100ms",
                "--http.port=0",
                // The successor waits for the killed member's session to expire before it gets its partitions.
                "--kafka.consumer.session.timeout.ms=6000",
                "--kafka.consumer.heartbeat.interval.ms=1000",
                "--forward-to=" + output,
                "--work-ms=" + WORK.toMillis());
    }

    private static int distinct(List<ConsumerRecord<String, String>> records) {
        return (int) records.stream().map(ConsumerRecord::value).distinct().count();
    }

    private static Set<Integer> ids(List<String> values) {
        return values.stream().map(Integer::valueOf).collect(Collectors.toSet());
    }

    private static Set<Integer> allIds() {
        return IntStream.range(0, RECORDS).boxed().collect(Collectors.toSet());
    }
}
