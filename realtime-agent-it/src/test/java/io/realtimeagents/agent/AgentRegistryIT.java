package io.realtimeagents.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.realtimeagents.agent.mesh.AgentInstance;
import io.realtimeagents.agent.mesh.MissingDependenciesException;
import io.realtimeagents.agent.support.ChildJvm;
import io.realtimeagents.agent.support.PrometheusText;
import io.realtimeagents.agent.support.QuietAgentMain;
import io.realtimeagents.agent.support.TestAgents;
import io.realtimeagents.agent.support.TopicWatcher;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.common.json.Json;
import io.realtimeagents.testkit.Await;
import io.realtimeagents.testkit.HttpTestClient;
import io.realtimeagents.testkit.KafkaBroker;
import io.realtimeagents.testkit.KafkaTestClient;
import io.realtimeagents.testkit.WithKafka;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The agent registry on a real broker: discovery by name and capability, a graceful stop and a killed JVM, {@code GET
 * /realtime/agents}, dependencies, invalid records and the join/leave events. Heartbeats of 200 ms (leases of 600 ms)
 * keep it fast; each test has a registry topic of its own.
 */
@WithKafka
@SuppressWarnings("try") // agents run for the duration of try blocks that need no reference to them
class AgentRegistryIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration HEARTBEAT = Duration.ofMillis(200);
    private static final Duration LEASE = HEARTBEAT.multipliedBy(3);

    /** An agent with one task and a capability declared in code. */
    static final class SummarizerAgent extends RealtimeAgent {
        @Override
        protected void initialize() {
            onTask("summarize", "Summarizes a text", request -> Map.of("summary", ""));
            declareCapability("summaries");
        }
    }

    /** An agent with no handlers. */
    static final class QuietAgent extends RealtimeAgent {}

    private static AgentConfig.Builder config(KafkaBroker broker, String prefix, String registry) {
        return TestAgents.config(broker, prefix)
                .set(AgentSettings.AGENT_REGISTRY_ENABLED, true)
                .set(AgentSettings.AGENT_REGISTRY_TOPIC, registry)
                .set(AgentSettings.AGENT_REGISTRY_HEARTBEAT, HEARTBEAT);
    }

    private static HttpTestClient http(RunningAgent agent) {
        return HttpTestClient.of(URI.create("http://127.0.0.1:" + agent.port()));
    }

    private static boolean sees(RunningAgent agent, String service) {
        return !agent.agent().agents().discover(service).isEmpty();
    }

    @Test
    void twoAgents_discoverEachOtherByNameAndCapability_andListBothAtRealtimeAgents(KafkaBroker broker) {
        String registry = TestAgents.uniqueName("registry");
        AgentConfig a = config(broker, "summarizer", registry)
                .set(AgentSettings.AGENT_CAPABILITIES, List.of("summarize-text", "english"))
                .set(AgentSettings.AGENT_VERSION, "1.4.2")
                .build();
        AgentConfig b = config(broker, "translator", registry)
                .set(AgentSettings.AGENT_CAPABILITIES, List.of("translate", "english"))
                .build();
        try (RunningAgent first = TestAgents.start(new SummarizerAgent(), a);
                RunningAgent second = TestAgents.start(new QuietAgent(), b)) {
            Await.await(
                    TIMEOUT,
                    "each agent sees the other",
                    () -> sees(first, b.serviceName()) && sees(second, a.serviceName()));

            AgentInstance summarizer =
                    second.agent().agents().discover(a.serviceName()).get(0);
            assertThat(summarizer.version()).isEqualTo("1.4.2");
            assertThat(summarizer.taskTypes())
                    .containsExactly(new AgentInstance.TaskType("summarize", "Summarizes a text", List.of()));
            assertThat(summarizer.capabilities()).containsExactly("english", "summaries", "summarize-text");
            assertThat(summarizer.httpBaseUrl()).endsWith(":" + first.port());
            assertThat(summarizer.requestTopic()).isEqualTo(a.serviceName() + ".requests");
            assertThat(summarizer.healthPath()).isEqualTo("/health");
            assertThat(summarizer.lease()).isEqualTo(LEASE);
            assertThat(first.agent().agents().discoverByCapability("translate"))
                    .extracting(AgentInstance::service)
                    .containsExactly(b.serviceName());
            assertThat(second.agent().agents().discoverByCapability("english"))
                    .extracting(AgentInstance::service)
                    .containsExactlyInAnyOrder(a.serviceName(), b.serviceName());

            HttpTestClient.Response listed = http(first).get("/realtime/agents");
            assertThat(listed.status()).isEqualTo(200);
            assertThat(listed.json().findValuesAsText("service"))
                    .containsExactlyInAnyOrder(a.serviceName(), b.serviceName());
            assertThat(listed.json().get(0).has("instance_id")).isTrue();
            assertThat(listed.json().get(0).has("lease_ms")).isTrue();
        }
    }

    @Test
    void gracefullyStoppedAgent_disappearsFromTheOtherViewWithinOneSecond(KafkaBroker broker) throws Exception {
        String registry = TestAgents.uniqueName("registry");
        AgentConfig a = config(broker, "stays", registry).build();
        AgentConfig b = config(broker, "leaves", registry).build();
        try (RunningAgent stays = TestAgents.start(new QuietAgent(), a)) {
            RunningAgent leaves = TestAgents.start(new QuietAgent(), b);
            Await.await(TIMEOUT, "the first agent sees the second", () -> sees(stays, b.serviceName()));

            long start = System.nanoTime();
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(leaves::close);
            Await.await(Duration.ofSeconds(1), "the stopped agent left the view", () -> !sees(stays, b.serviceName()));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            stopping.get(30, TimeUnit.SECONDS);

            assertThat(millis).isLessThan(1000);
            System.out.println("Graceful stop: gone from the other view after " + millis + " ms");
        }
    }

    @Test
    void killedAgent_disappearsAfterItsLease_andTheFirstLiveInstanceEmitsAgentLeft(
            KafkaBroker broker, KafkaTestClient client) throws Exception {
        String registry = TestAgents.uniqueName("registry");
        String events = client.uniqueTopic("mesh-events", 1);
        String killed = TestAgents.uniqueName("killed");
        AgentConfig a = config(broker, "survivor", registry).eventsTopic(events).build();
        try (RunningAgent survivor = TestAgents.start(new QuietAgent(), a);
                TopicWatcher watcher = new TopicWatcher(broker.bootstrapServers(), events);
                ChildJvm child = ChildJvm.start(
                        QuietAgentMain.class,
                        killed,
                        List.of(
                                "--agent.registry.enabled=true",
                                "--service.name=" + killed,
                                "--kafka.bootstrap-servers=" + broker.bootstrapServers(),
                                "--kafka.events-topic=" + events,
                                "--agent.registry.topic=" + registry,
                                "--agent.registry.heartbeat=200ms",
                                "--http.port=0"))) {
            Await.await(Duration.ofSeconds(60), "the child JVM's agent in the view", () -> {
                if (!child.isAlive()) {
                    throw new AssertionError("The child JVM exited early; see " + child.log());
                }
                return sees(survivor, killed);
            });

            child.kill();
            long start = System.nanoTime();
            Await.await(LEASE.plusSeconds(1), "the killed agent left the view", () -> !sees(survivor, killed));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat(millis).isBetween(LEASE.minus(HEARTBEAT).toMillis() - 100, LEASE.toMillis() + 1000);
            System.out.println(
                    "SIGKILL: gone from the other view after " + millis + " ms (lease " + LEASE.toMillis() + " ms)");
            Await.await(
                    TIMEOUT,
                    "agent_left with reason lease_expired",
                    () -> eventsAbout(watcher, killed).stream()
                            .anyMatch(event -> event.get("event_type").asText().equals("agent_left")
                                    && event.get("data").get("reason").asText().equals("lease_expired")
                                    && event.get("source_service").asText().equals(a.serviceName())));
        }
    }

    @Test
    void joinAndGracefulLeave_areEmittedOnceByTheInstanceItself(KafkaBroker broker, KafkaTestClient client) {
        String registry = TestAgents.uniqueName("registry");
        String events = client.uniqueTopic("mesh-events", 1);
        AgentConfig a = config(broker, "watcher", registry).eventsTopic(events).build();
        AgentConfig b = config(broker, "visitor", registry).eventsTopic(events).build();
        try (RunningAgent watching = TestAgents.start(new QuietAgent(), a);
                TopicWatcher watcher = new TopicWatcher(broker.bootstrapServers(), events)) {
            try (RunningAgent visitor = TestAgents.start(new QuietAgent(), b)) {
                Await.await(
                        TIMEOUT,
                        "agent_joined of the visitor",
                        () -> eventsAbout(watcher, b.serviceName()).stream()
                                .anyMatch(event ->
                                        event.get("event_type").asText().equals("agent_joined")));
            }
            Await.await(
                    TIMEOUT,
                    "agent_left of the visitor",
                    () -> eventsAbout(watcher, b.serviceName()).size() == 2);

            List<JsonNode> about = eventsAbout(watcher, b.serviceName());
            assertThat(about)
                    .extracting(event -> event.get("event_type").asText())
                    .containsExactly("agent_joined", "agent_left");
            assertThat(about.get(1).get("data").get("reason").asText()).isEqualTo("stopped");
            assertThat(about).allSatisfy(event -> {
                assertThat(event.get("source_service").asText()).isEqualTo(b.serviceName());
                assertThat(event.get("data").get("instance_id").asText()).isNotBlank();
            });
            watcher.pollToEnd(TIMEOUT);
            assertThat(eventsAbout(watcher, b.serviceName())).hasSize(2); // not repeated by the watching agent
        }
    }

    private static List<JsonNode> eventsAbout(TopicWatcher watcher, String service) {
        return watcher.poll().stream()
                .map(ConsumerRecord::value)
                .map(value -> Json.tree(value.getBytes(StandardCharsets.UTF_8)))
                .filter(event -> event.path("data").path("service").asText().equals(service))
                .toList();
    }

    @Test
    void dependencies_areAwaited_readinessNamingTheMissingOne(KafkaBroker broker) throws Exception {
        String registry = TestAgents.uniqueName("registry");
        AgentConfig a = config(broker, "upstream", registry).build();
        int port = freePort();
        AgentConfig b = config(broker, "downstream", registry)
                .httpPort(port)
                .set(AgentSettings.AGENT_DEPENDENCIES, List.of(a.serviceName()))
                .build();
        URI bUrl = URI.create("http://localhost:" + port);
        CompletableFuture<RunningAgent> starting =
                CompletableFuture.supplyAsync(() -> TestAgents.start(new QuietAgent(), b));
        try {
            Await.await(TIMEOUT, "readiness 503 naming the missing dependency", () -> {
                try {
                    HttpTestClient.Response ready = HttpTestClient.of(bUrl).get("/health/ready");
                    return ready.status() == 503 && ready.body().contains("no live instance of " + a.serviceName());
                } catch (java.io.UncheckedIOException notListeningYet) {
                    return false;
                }
            });
            assertThat(starting).isNotDone();

            try (RunningAgent upstream = TestAgents.start(new QuietAgent(), a)) {
                RunningAgent downstream = starting.get(30, TimeUnit.SECONDS);
                Await.await(
                        TIMEOUT,
                        "the downstream agent ready",
                        () -> http(downstream).get("/health/ready").status() == 200);
                downstream.close();
            }
        } finally {
            starting.thenAccept(RunningAgent::close);
        }
    }

    @Test
    void dependencyMissingAtTheTimeout_failsTheStart_namingIt(KafkaBroker broker) {
        String missing = TestAgents.uniqueName("absent");
        AgentConfig config = config(broker, "needy", TestAgents.uniqueName("registry"))
                .set(AgentSettings.AGENT_DEPENDENCIES, List.of(missing))
                .set(AgentSettings.AGENT_DEPENDENCIES_TIMEOUT, Duration.ofMillis(500))
                .build();

        assertThatThrownBy(() -> TestAgents.start(new QuietAgent(), config))
                .isInstanceOf(MissingDependenciesException.class)
                .hasMessageContaining("No live instance of " + missing + " in the agent registry")
                .hasMessageContaining("AGENT_DEPENDENCIES_TIMEOUT");
    }

    @Test
    void invalidRecords_areSkippedAndCounted_andTheViewGoesOn(KafkaBroker broker, KafkaTestClient client) {
        String registry = TestAgents.uniqueName("registry");
        AgentConfig a = config(broker, "reader", registry).build();
        AgentConfig b = config(broker, "after-garbage", registry).build();
        try (RunningAgent reader = TestAgents.start(new QuietAgent(), a)) {
            client.produce(registry, "broken/1", "not json");
            client.produce(
                    registry,
                    "wrong/key",
                    "{\"service\":\"s\",\"instance_id\":\"i\",\"started_at\":\"2026-12-03T10:00:00Z\","
                            + "\"lease_ms\":60000}");
            try (RunningAgent later = TestAgents.start(new QuietAgent(), b)) {
                Await.await(
                        TIMEOUT,
                        "the reader sees the agent announced after the garbage",
                        () -> sees(reader, b.serviceName()));

                String scrape = http(reader).get("/metrics").body();
                assertThat(PrometheusText.value(
                                scrape, "realtime_registry_records_invalid_total", Map.of("topic", registry)))
                        .hasValue(2.0);
                assertThat(reader.agent().agents().discover("s")).isEmpty();
                assertThat(reader.agent().agents().discover("broken")).isEmpty();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
