package io.realtimeagents.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimeagents.agent.support.ChildJvm;
import io.realtimeagents.agent.support.MqttBridgeMain;
import io.realtimeagents.agent.support.MqttTestAgents;
import io.realtimeagents.agent.support.TestAgents;
import io.realtimeagents.agent.support.TopicWatcher;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.testkit.Await;
import io.realtimeagents.testkit.HttpTestClient;
import io.realtimeagents.testkit.KafkaBroker;
import io.realtimeagents.testkit.KafkaTestClient;
import io.realtimeagents.testkit.MqttBroker;
import io.realtimeagents.testkit.MqttTestClient;
import io.realtimeagents.testkit.WithKafka;
import io.realtimeagents.testkit.WithMqtt;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Nothing is lost when the connection or the agent dies: the broker restarts mid-stream, or the bridge's JVM is
 * killed between receiving messages and producing them to Kafka. Needs a broker the test kit can restart (the
 * embedded HiveMQ).
 */
@WithKafka
@WithMqtt
@SuppressWarnings("try") // agents run for the duration of try blocks that need no reference to them
class MqttResilienceIT {
    private static final Logger LOG = LoggerFactory.getLogger(MqttResilienceIT.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    /** Per reading: 200 readings on 4 topics take about 2 s, so the restart lands mid-stream. */
    private static final Duration WORK = Duration.ofMillis(40);
    /** Unshared subscriptions: HiveMQ CE can stall QoS 1 shared subscriptions (see MqttHiveMqIT). */
    private static final String UNSHARED = "none";

    record Reading(int seq) {}

    /** Handles readings slowly, so that many are in flight when the connection drops. */
    static final class SlowReadingAgent extends RealtimeAgent {
        final Set<Integer> seqs = ConcurrentHashMap.newKeySet();
        final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        protected void initialize() {
            onMessage("reading", Reading.class, (reading, context) -> {
                LockSupport.parkNanos(WORK.toNanos());
                seqs.add(reading.seq());
                calls.incrementAndGet();
            });
        }
    }

    @Test
    void brokerRestartedMidStream_agentReconnectsResubscribes_andHandlesEveryQos1Message(
            KafkaBroker kafka, KafkaTestClient client, MqttBroker mqtt) {
        String p = MqttTestClient.uniqueTopic("restart");
        AgentConfig config = MqttTestAgents.config(kafka, mqtt, "mqtt-restart", client.uniqueTopic("mqtt-dlq", 1))
                .set(AgentSettings.MQTT_SHARED_GROUP, UNSHARED)
                .mqttSubscription(p + "/readings/+=reading@1")
                .build();
        int half = 200;
        SlowReadingAgent agent = new SlowReadingAgent();
        try (RunningAgent running = TestAgents.start(agent, config)) {
            try (MqttTestClient devices = MqttTestClient.connect(mqtt)) {
                for (int i = 0; i < half; i++) {
                    devices.publish(p + "/readings/r" + (i % 4), "{\"seq\":" + i + "}", 1);
                }
            }
            Await.await(TIMEOUT, "20 readings handled before the restart", () -> agent.seqs.size() >= 20);
            int beforeRestart = agent.seqs.size();
            mqtt.restart(() -> Await.await(
                    TIMEOUT,
                    "not ready but alive while the MQTT broker is down",
                    () -> HttpTestClient.of(running.url()).get("/health/ready").status() == 503
                            && HttpTestClient.of(running.url())
                                            .get("/health/live")
                                            .status()
                                    == 200));
            try (MqttTestClient devices = MqttTestClient.connect(mqtt)) {
                for (int i = half; i < 2 * half; i++) {
                    devices.publish(p + "/readings/r" + (i % 4), "{\"seq\":" + i + "}", 1);
                }
            }
            Await.await(TIMEOUT, "every reading handled", () -> agent.seqs.size() == 2 * half);
            assertThat(agent.seqs)
                    .isEqualTo(IntStream.range(0, 2 * half).boxed().collect(Collectors.toSet()));
            Await.await(
                    TIMEOUT,
                    "ready again",
                    () -> HttpTestClient.of(running.url()).get("/health/ready").status() == 200);
            assertThat(HttpTestClient.of(running.url())
                            .get("/health")
                            .json()
                            .get("mqtt")
                            .get("reconnects")
                            .asLong())
                    .isGreaterThanOrEqualTo(1);
            LOG.info(
                    "Broker restart: {} handled before, {} handler calls for {} readings ({} redeliveries)",
                    beforeRestart,
                    agent.calls.get(),
                    2 * half,
                    agent.calls.get() - 2 * half);
        }
    }

    @Test
    void brokerThatLostItsSessions_getsTheSubscriptionsAgain_andNewMessagesAreHandled(
            KafkaBroker kafka, KafkaTestClient client, MqttBroker mqtt) {
        String p = MqttTestClient.uniqueTopic("lost-session");
        AgentConfig config = MqttTestAgents.config(kafka, mqtt, "mqtt-lost", client.uniqueTopic("mqtt-dlq", 1))
                .set(AgentSettings.MQTT_SHARED_GROUP, UNSHARED)
                .mqttSubscription(p + "/readings/+=reading@1")
                .build();
        SlowReadingAgent agent = new SlowReadingAgent();
        try (RunningAgent running = TestAgents.start(agent, config)) {
            publish(mqtt, p, 0, 10);
            Await.await(TIMEOUT, "the first readings", () -> agent.seqs.size() == 10);

            mqtt.restartWithoutSessions();
            Await.await(
                    TIMEOUT,
                    "ready again",
                    () -> HttpTestClient.of(running.url()).get("/health/ready").status() == 200);
            publish(mqtt, p, 10, 60);

            Await.await(
                    TIMEOUT, "the readings published after the broker lost the session", () -> agent.seqs.size() == 60);
        }
    }

    /** At QoS 2 too: the MQTT client would acknowledge a QoS 2 message on arrival, and a stop would lose it. */
    @ParameterizedTest(name = "QoS {0}")
    @ValueSource(ints = {1, 2})
    void gracefulStop_acknowledgesTheMessageBeingHandled_soOnlyTheUnstartedOnesComeBack(
            int qos, KafkaBroker kafka, KafkaTestClient client, MqttBroker mqtt) throws Exception {
        String topic = MqttTestClient.uniqueTopic("graceful") + "/readings/r0";
        AgentConfig config = MqttTestAgents.config(kafka, mqtt, "mqtt-graceful", client.uniqueTopic("mqtt-dlq", 1))
                .set(AgentSettings.MQTT_SHARED_GROUP, UNSHARED)
                .mqttSubscription(topic + "=reading@" + qos)
                .build();
        CountDownLatch inHandler = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> first = new CopyOnWriteArrayList<>();
        RealtimeAgent blocking = new RealtimeAgent() {
            @Override
            protected void initialize() {
                onMessage("reading", Reading.class, (reading, context) -> {
                    if (reading.seq() == 3) {
                        inHandler.countDown();
                        release.await();
                    }
                    first.add(reading.seq());
                });
            }
        };
        RunningAgent running = TestAgents.start(blocking, config);
        try (MqttTestClient devices = MqttTestClient.connect(mqtt)) {
            for (int i = 0; i < 10; i++) {
                devices.publish(topic, "{\"seq\":" + i + "}", qos);
            }
        }
        assertThat(inHandler.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        Thread stopping = Thread.ofPlatform().start(running::close);
        Await.await(
                TIMEOUT,
                "the agent to start stopping",
                () -> HttpTestClient.of(running.url()).get("/health/ready").status() == 503);
        release.countDown();
        stopping.join(TIMEOUT.toMillis());
        assertThat(first).containsExactly(0, 1, 2, 3);

        List<Integer> second = new CopyOnWriteArrayList<>();
        RealtimeAgent successor = new RealtimeAgent() {
            @Override
            protected void initialize() {
                onMessage("reading", Reading.class, (reading, context) -> second.add(reading.seq()));
            }
        };
        try (RunningAgent again = TestAgents.start(successor, config)) {
            Await.await(TIMEOUT, "the unstarted readings redelivered", () -> second.size() >= 6);
            assertThat(second).containsExactly(4, 5, 6, 7, 8, 9);
        }
    }

    private static void publish(MqttBroker mqtt, String prefix, int from, int to) {
        try (MqttTestClient devices = MqttTestClient.connect(mqtt)) {
            for (int i = from; i < to; i++) {
                devices.publish(prefix + "/readings/r" + (i % 4), "{\"seq\":" + i + "}", 1);
            }
        }
    }

    @Test
    void bridgeKilledBetweenReceiveAndProduce_losesNothing_whenItsSuccessorResumesTheSession(
            KafkaBroker kafka, KafkaTestClient client, MqttBroker mqtt) throws Exception {
        String p = MqttTestClient.uniqueTopic("bridge-kill");
        String vitals = client.uniqueTopic("bridged-vitals", 4);
        String bridge = p + "/devices/{patient}/vitals/#=" + vitals + ":patient";
        String service = TestAgents.uniqueName("mqtt-bridge-kill");
        String clientId = service + "-client";
        int count = 2000;
        try (TopicWatcher bridged = new TopicWatcher(kafka.bootstrapServers(), vitals);
                ChildJvm child = ChildJvm.start(
                        MqttBridgeMain.class,
                        service,
                        List.of(
                                "--service.name=" + service,
                                "--kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                                "--http.port=0",
                                "--mqtt.host=" + mqtt.host(),
                                "--mqtt.port=" + mqtt.port(),
                                "--mqtt.client-id=" + clientId,
                                "--mqtt.bridges=" + bridge,
                                "--mqtt.shared-group=" + UNSHARED,
                                // Slow produces keep many received messages waiting for Kafka at the kill.
                                "--kafka.producer.linger.ms=40"))) {
            Await.await(TIMEOUT, "the child's MQTT session", () -> {
                if (!child.isAlive()) {
                    throw new AssertionError("The child JVM exited early; see " + child.log());
                }
                return child.log().toFile().length() > 0 && logMentions(child, "Connected to MQTT broker");
            });
            // Publishing goes on while the child bridges and after it is killed: the kill lands mid-stream.
            CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> {
                try (MqttTestClient devices = MqttTestClient.connect(mqtt)) {
                    for (int i = 0; i < count; i++) {
                        devices.publish(p + "/devices/p" + (i % 4) + "/vitals/hr", "{\"seq\":" + i + "}", 1);
                    }
                }
            });
            Await.await(
                    TIMEOUT,
                    "100 records bridged by the child",
                    () -> bridged.poll().size() >= 100);
            child.kill();
            int bridgedByChild = bridged.pollToEnd(TIMEOUT).size();
            assertThat(bridgedByChild).as("records bridged before the kill").isLessThan(count);
            publishing.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

            AgentConfig successor = MqttTestAgents.config(kafka, mqtt, "unused", "mqtt.dlq")
                    .serviceName(service)
                    .set(AgentSettings.MQTT_CLIENT_ID, clientId)
                    .set(AgentSettings.MQTT_SHARED_GROUP, UNSHARED)
                    .mqttBridge(bridge)
                    .build();
            try (RunningAgent running = TestAgents.start(new MqttBridgeMain.BridgeOnlyAgent(), successor)) {
                Await.await(
                        TIMEOUT,
                        "every message bridged",
                        () -> seqs(bridged.poll()).size() == count);
            }
            assertThat(seqs(bridged.pollToEnd(TIMEOUT)))
                    .isEqualTo(IntStream.range(0, count).boxed().collect(Collectors.toSet()));
            LOG.info(
                    "Bridge kill: {} records before SIGKILL, {} in all for {} messages",
                    bridgedByChild,
                    bridged.values().size(),
                    count);
        }
    }

    private static boolean logMentions(ChildJvm child, String text) {
        try {
            return java.nio.file.Files.readString(child.log()).contains(text);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static Set<Integer> seqs(List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> records) {
        return records.stream()
                .map(r -> Integer.parseInt(r.value().replaceAll("\\D", "")))
                .collect(Collectors.toSet());
    }
}
