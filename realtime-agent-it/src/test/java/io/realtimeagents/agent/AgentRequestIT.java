package io.realtimeagents.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.realtimeagents.agent.mesh.AgentRequestFailedException;
import io.realtimeagents.agent.mesh.AgentRequestTimeoutException;
import io.realtimeagents.agent.support.CallerAgent;
import io.realtimeagents.agent.support.ReplierAgent;
import io.realtimeagents.common.RealtimeAgentException;
import io.realtimeagents.common.task.TaskResult;
import io.realtimeagents.testkit.Await;
import io.realtimeagents.testkit.HttpTestClient;
import io.realtimeagents.testkit.KafkaBroker;
import io.realtimeagents.testkit.KafkaTestClient;
import io.realtimeagents.testkit.TestAgent;
import io.realtimeagents.testkit.WithKafka;
import io.realtimeagents.testkit.WsTestClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Request/reply between agents on a real broker: a replier service and a caller, shared by the tests; a test that
 * must stop an agent or find a service without replicas starts its own.
 */
@WithKafka
@SuppressWarnings("try") // agents run for the duration of try blocks that need no reference to them
class AgentRequestIT {
    private static final Logger LOG = LoggerFactory.getLogger(AgentRequestIT.class);
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int CONCURRENT = 1000;

    private static TestAgent<ReplierAgent> replierAgent;
    private static TestAgent<CallerAgent> callerAgent;
    private static CallerAgent caller;
    private static String service;

    @BeforeAll
    static void start(KafkaBroker broker) {
        replierAgent = TestAgent.start(() -> new ReplierAgent("r1"), broker);
        service = replierAgent.config().serviceName();
        callerAgent = TestAgent.start(CallerAgent::new, broker);
        caller = callerAgent.agent();
        Await.await(
                WAIT,
                "the replier assigned its request partitions",
                () -> !replierAgent.assignedPartitions().isEmpty());
    }

    @AfterAll
    static void stop() {
        callerAgent.close();
        replierAgent.close();
    }

    @Test
    void roundTrip_returnsTheRemoteResult() throws Exception {
        TaskResult result = await(caller.request(service, "double", Map.of("n", 21), WAIT));

        assertThat(result.isCompleted()).isTrue();
        assertThat(result.taskType()).isEqualTo("double");
        assertThat(resultOf(result)).containsEntry("doubled", 42).containsEntry("served_by", "r1");
    }

    @Test
    void slowRemoteTask_timesOutNamingServiceTaskTypeAndTimeout() {
        CompletionStage<TaskResult> stage =
                caller.request(service, "double", Map.of("n", 1, "sleep_ms", 1500), Duration.ofMillis(300));

        Throwable failure = failureOf(stage);
        assertThat(failure)
                .isInstanceOf(AgentRequestTimeoutException.class)
                .hasMessageContaining("'" + service + "'")
                .hasMessageContaining("'double'")
                .hasMessageContaining("300 ms");
    }

    @Test
    void lateReply_isCountedAndDropped() {
        double before = caller.counter("realtime.replies.unmatched");
        CompletionStage<TaskResult> stage =
                caller.request(service, "double", Map.of("n", 2, "sleep_ms", 800), Duration.ofMillis(200));
        assertThat(failureOf(stage)).isInstanceOf(AgentRequestTimeoutException.class);

        Await.await(
                WAIT,
                "the late reply counted as unmatched",
                () -> caller.counter("realtime.replies.unmatched") > before);
    }

    @Test
    void failingRemoteTask_failsTheStageWithTheRemoteError() {
        CompletionStage<TaskResult> stage = caller.request(service, "fail", Map.of("why", "no stock"), WAIT);

        Throwable failure = failureOf(stage);
        assertThat(failure)
                .isInstanceOf(AgentRequestFailedException.class)
                .hasMessageContaining("cannot do it: no stock")
                .hasMessageContaining(service);
        assertThat(((AgentRequestFailedException) failure).remoteErrorType())
                .isEqualTo(IllegalStateException.class.getName());
    }

    @Test
    void unknownRemoteTaskType_failsTheStageNamingIt() {
        Throwable failure = failureOf(caller.request(service, "nope", Map.of(), WAIT));

        assertThat(failure).isInstanceOf(AgentRequestFailedException.class).hasMessageContaining("nope");
    }

    @Test
    void stoppingTheCaller_failsItsPendingRequestsAtOnce(KafkaBroker broker) throws Exception {
        TestAgent<CallerAgent> running = TestAgent.start(CallerAgent::new, broker);
        CallerAgent leaving = running.agent();
        CompletableFuture<TaskResult> pending = leaving.request(
                        service, "double", Map.of("n", 3, "sleep_ms", 1000), Duration.ofSeconds(30))
                .toCompletableFuture();

        long started = System.nanoTime();
        Thread closing = Thread.ofVirtual().start(running::close);
        Throwable failure = failureOf(pending);
        long millis = (System.nanoTime() - started) / 1_000_000;
        closing.join();

        assertThat(failure).isInstanceOf(RealtimeAgentException.class).hasMessageContaining("the agent is stopping");
        assertThat(millis).as("ms until the pending request failed").isLessThan(3000);
        assertThat(failureOf(leaving.request(service, "double", Map.of("n", 4), WAIT)))
                .hasMessageContaining("the agent is stopping");
    }

    @Test
    void thousandConcurrentRequests_allCompleteWithTheirOwnResults() throws Exception {
        long started = System.nanoTime();
        List<CompletableFuture<TaskResult>> stages = new ArrayList<>();
        for (int n = 0; n < CONCURRENT; n++) {
            stages.add(caller.request(service, "double", Map.of("n", n), Duration.ofSeconds(30))
                    .toCompletableFuture());
        }
        CompletableFuture.allOf(stages.toArray(CompletableFuture[]::new)).get(40, TimeUnit.SECONDS);
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.info("{} concurrent requests completed in {} ms", CONCURRENT, millis);

        for (int n = 0; n < CONCURRENT; n++) {
            assertThat(resultOf(stages.get(n).get()))
                    .as("result of request " + n)
                    .containsEntry("doubled", 2 * n);
        }
    }

    @Test
    void requestWhoseDeadlinePassed_isDroppedAndCounted(KafkaBroker broker) {
        String lateService = TestAgent.uniqueName("late-replier");
        broker.createTopic(lateService + ".requests", 1);
        Throwable failure = failureOf(caller.request(lateService, "double", Map.of("n", 5), Duration.ofMillis(300)));
        assertThat(failure).isInstanceOf(AgentRequestTimeoutException.class);

        try (TestAgent<ReplierAgent> running =
                TestAgent.start(() -> new ReplierAgent("late"), broker, c -> c.serviceName(lateService))) {
            ReplierAgent late = running.agent();
            Await.await(
                    WAIT,
                    "the expired request counted",
                    () -> CallerAgent.count(late.registry(), "realtime.requests.expired") == 1);
            assertThat(late.served()).as("tasks run").isZero();
        }
    }

    @Test
    void undecodableRequest_isDeadLettered(KafkaTestClient client) {
        String topic = service + ".requests";
        client.produce(topic, "bad", "not json", Map.of("message_type", "realtime_agent_request"));

        assertThat(client.consume(topic + ".dlq", 1, WAIT)).hasSize(1);
    }

    @Test
    void webSocketAgentRequestWithATargetService_reachesTheRemoteTask() throws Exception {
        try (WsTestClient ws = callerAgent.ws("/ws")) {
            ws.send(
                    "agent_request",
                    Map.of("task_type", "double", "service", service, "parameters", Map.of("n", 5)),
                    "c-1");
            JsonNode response = ws.next("agent_response", WAIT);
            assertThat(response.path("correlation_id").asText()).isEqualTo("c-1");
            assertThat(response.path("payload").path("result").path("doubled").asInt())
                    .isEqualTo(10);

            ws.send(
                    "agent_request",
                    Map.of("task_type", "fail", "target_service", service, "parameters", Map.of("why", "ws")),
                    "c-2");
            JsonNode error = ws.next("error", WAIT);
            assertThat(error.path("payload").path("code").asText()).isEqualTo("task_failed");
            assertThat(error.path("payload").path("reason").asText()).contains("cannot do it: ws");
        }
    }

    @Test
    void httpRouteToAnotherAgentsTask_reachesTheRemoteTask() {
        HttpTestClient.Response reply =
                callerAgent.http().post("/agents/" + service + "/tasks/double", "{\"parameters\":{\"n\":7}}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().path("result").path("doubled").asInt()).isEqualTo(14);
        assertThat(reply.json().path("status").asText()).isEqualTo("completed");

        HttpTestClient.Response timeout = callerAgent
                .http()
                .post(
                        "/agents/" + service + "/tasks/double?timeout_ms=200",
                        "{\"parameters\":{\"n\":1,\"sleep_ms\":600}}");
        assertThat(timeout.status()).as(timeout.body()).isEqualTo(504);
        assertThat(timeout.json().path("message").asText()).contains("'double'", "200 ms");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resultOf(TaskResult result) {
        return (Map<String, Object>) result.result();
    }

    private static TaskResult await(CompletionStage<TaskResult> stage) throws Exception {
        return stage.toCompletableFuture().get(WAIT.toSeconds() + 10, TimeUnit.SECONDS);
    }

    /** The failure of a stage that must fail within the wait. */
    private static Throwable failureOf(CompletionStage<TaskResult> stage) {
        try {
            TaskResult result = stage.toCompletableFuture().get(WAIT.toSeconds() + 10, TimeUnit.SECONDS);
            throw new AssertionError("Expected the request to fail, but it returned " + result);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("The request neither completed nor failed within " + WAIT, e);
        }
    }
}
