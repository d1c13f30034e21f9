package io.realtimeagents.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimeagents.agent.support.ChildJvm;
import io.realtimeagents.agent.support.ForwardingAgent;
import io.realtimeagents.agent.support.OutputtingAgent;
import io.realtimeagents.agent.support.TestAgents;
import io.realtimeagents.agent.support.TopicWatcher;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.common.config.KafkaOrdering;
import io.realtimeagents.common.json.Json;
import io.realtimeagents.common.model.RealtimeEvent;
import io.realtimeagents.testkit.Await;
import io.realtimeagents.testkit.KafkaBroker;
import io.realtimeagents.testkit.KafkaTestClient;
import io.realtimeagents.testkit.WithKafka;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An agent whose handler emits an event and sends a large record per input without waiting, killed (SIGKILL) several
 * times mid-stream: every input still has both outputs, because an input is committed only once its outputs were
 * acknowledged. The producer batches for longer than the commit interval, so without that contract commits run ahead
 * of the outputs and a kill loses the ones still in its buffer.
 */
@WithKafka
@SuppressWarnings("try") // agents run for the duration of try blocks that need no reference to them
class OutputsSurviveKillIT {
    private static final Logger LOG = LoggerFactory.getLogger(OutputsSurviveKillIT.class);
    private static final int INPUTS = 4000;
    private static final int KILLS = 3;
    private static final int OUTPUT_BYTES = 10_000;
    private static final int MAX_IN_FLIGHT = 50;
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @Test
    void agentKilledRepeatedlyMidStream_everyInputHasItsEventAndItsRecord(KafkaBroker broker, KafkaTestClient client) {
        killRepeatedly(broker, client, KafkaOrdering.PARTITION, KILLS);
    }

    /**
     * With key ordering, records finished beyond an unfinished one are remembered in the commit, so a successor
     * handles again only what was in flight or finished since the last commit: the duplicates stay within that.
     */
    @Test
    void keyOrderedAgentKilledMidStream_everyInputHasItsOutputs_andFewAreHandledTwice(
            KafkaBroker broker, KafkaTestClient client) {
        int duplicates = killRepeatedly(broker, client, KafkaOrdering.KEY, 2);
        // At most the records in flight (KAFKA_MAX_IN_FLIGHT) and those finished in the last commit interval, per
        // kill: at about 2,000 records/s and 100 ms, 200 each.
        assertThat(duplicates).as("records handled twice").isLessThanOrEqualTo(2 * (MAX_IN_FLIGHT + 200) * 2);
    }

    /** Runs the kill scenario and returns the duplicated records (outputs written more than once). */
    private int killRepeatedly(KafkaBroker broker, KafkaTestClient client, KafkaOrdering ordering, int kills) {
        String input = client.uniqueTopic("outputs-input", 4);
        String output = client.uniqueTopic("outputs-output", 4);
        String events = client.uniqueTopic("outputs-events", 4);
        String group = TestAgents.uniqueName("outputs-group");
        for (int id = 0; id < INPUTS; id++) {
            client.produce(input, "device-" + (id % 50), ForwardingAgent.body(id));
        }

        try (TopicWatcher records = new TopicWatcher(broker.bootstrapServers(), output);
                TopicWatcher emitted = new TopicWatcher(broker.bootstrapServers(), events)) {
            for (int kill = 1; kill <= kills; kill++) {
                int progress = kill * INPUTS / (kills + 1);
                try (ChildJvm child = ChildJvm.start(
                        OutputtingAgent.class,
                        group + "-" + kill,
                        childArguments(broker, input, output, events, group, ordering))) {
                    Await.await(TIMEOUT, progress + " inputs with outputs before kill " + kill, () -> {
                        if (!child.isAlive()) {
                            throw new AssertionError("The child JVM exited early; see " + child.log());
                        }
                        return recordIds(records.poll()).size() >= progress;
                    });
                    child.kill();
                }
            }
            AgentConfig successor = TestAgents.config(broker, "outputs")
                    .consumerGroup(group)
                    .eventsTopic(events)
                    .streamingTopics(input)
                    .topicMessageType(input, OutputtingAgent.MESSAGE_TYPE)
                    .set(AgentSettings.KAFKA_ORDERING, ordering)
                    .set(AgentSettings.KAFKA_MAX_IN_FLIGHT, MAX_IN_FLIGHT)
                    .build();
            try (RunningAgent running =
                    TestAgents.start(new OutputtingAgent(output, OUTPUT_BYTES, Duration.ZERO), successor)) {
                Await.await(TIMEOUT, "the successor done with every input", () -> client.lag(group, input) == 0);
            }
            List<ConsumerRecord<String, String>> allRecords = records.pollToEnd(TIMEOUT);
            List<ConsumerRecord<String, String>> allEvents = emitted.pollToEnd(TIMEOUT);
            Set<Integer> all = IntStream.range(0, INPUTS).boxed().collect(Collectors.toSet());
            Set<Integer> withRecord = recordIds(allRecords);
            Set<Integer> withEvent = eventIds(allEvents);
            LOG.info(
                    "{} inputs, ordering {}, {} SIGKILLs: records {} missing, {} duplicates; events {} missing, {}"
                            + " duplicates",
                    INPUTS,
                    ordering.text(),
                    kills,
                    missing(all, withRecord).size(),
                    allRecords.size() - withRecord.size(),
                    missing(all, withEvent).size(),
                    allEvents.size() - withEvent.size());
            assertThat(missing(all, withRecord))
                    .as("inputs without their record")
                    .isEmpty();
            assertThat(missing(all, withEvent)).as("inputs without their event").isEmpty();
            return allRecords.size() - withRecord.size();
        }
    }

    private static Set<Integer> missing(Set<Integer> all, Set<Integer> present) {
        Set<Integer> missing = new java.util.TreeSet<>(all);
        missing.removeAll(present);
        return missing;
    }

    private static Set<Integer> recordIds(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(record -> Integer.valueOf(record.key())).collect(Collectors.toSet());
    }

    private static Set<Integer> eventIds(List<ConsumerRecord<String, String>> records) {
        Map<String, Integer> ids = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            RealtimeEvent event =
                    Json.decode(record.value().getBytes(java.nio.charset.StandardCharsets.UTF_8), RealtimeEvent.class);
            ids.put(event.eventId(), ((Number) event.data().get("id")).intValue());
        }
        return Set.copyOf(ids.values());
    }

    private static List<String> childArguments(
            KafkaBroker broker, String input, String output, String events, String group, KafkaOrdering ordering) {
        return List.of(
                "--kafka.ordering=" + ordering.text(),
                "--kafka.max-in-flight=" + MAX_IN_FLIGHT,
                "--service.name=outputs-child",
                "--kafka.bootstrap-servers=" + broker.bootstrapServers(),
                "--kafka.events-topic=" + events,
                "--streaming.topics=" + input,
                "--streaming.consumer-group=" + group,
                "--kafka.topic-message-types=" + input + "=" + OutputtingAgent.MESSAGE_TYPE,
                "--kafka.commit-interval=100ms",
                // Outputs wait in the producer for longer than the commit interval.
                "--kafka.producer.linger.ms=400",
                "--kafka.producer.batch.size=4194304",
                "--http.port=0",
                // The successor waits for the killed member's session to expire before it gets its partitions.
                "--kafka.consumer.session.timeout.ms=6000",
                "--kafka.consumer.heartbeat.interval.ms=1000",
                "--forward-to=" + output,
                "--output-bytes=" + OUTPUT_BYTES,
                "--work-ms=1");
    }
}
