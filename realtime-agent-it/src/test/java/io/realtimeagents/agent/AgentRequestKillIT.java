package io.realtimeagents.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimeagents.agent.mesh.AgentRequestTimeoutException;
import io.realtimeagents.agent.support.CallerAgent;
import io.realtimeagents.agent.support.ChildJvm;
import io.realtimeagents.agent.support.ReplierAgent;
import io.realtimeagents.common.task.TaskResult;
import io.realtimeagents.testkit.Await;
import io.realtimeagents.testkit.KafkaBroker;
import io.realtimeagents.testkit.TestAgent;
import io.realtimeagents.testkit.WithKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A replier in its own JVM killed with SIGKILL while requests are in flight: every request completes with its reply or
 * a timeout, none hangs; with a second replica running, the requests the killed one held are redelivered to it (its
 * consumer group), so they all get replies.
 */
@WithKafka
@SuppressWarnings("try") // agents run for the duration of try blocks that need no reference to them
class AgentRequestKillIT {
    private static final Logger LOG = LoggerFactory.getLogger(AgentRequestKillIT.class);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int REQUESTS = 40;
    private static final long WORK_MS = 100;

    private static final String KILLED = TestAgent.uniqueName("killed-replier");
    private static final String REPLICATED = TestAgent.uniqueName("replicated-replier");

    private static CallerAgent caller;
    private static TestAgent<CallerAgent> callerAgent;
    private static ChildJvm killedChild;
    private static ChildJvm replicatedChild;

    /** Both child JVMs start at once, while the caller starts in this one: their start-ups overlap. */
    @BeforeAll
    static void start(KafkaBroker broker) {
        killedChild = ChildJvm.start(ReplierAgent.class, KILLED, childArguments(broker, KILLED));
        replicatedChild = ChildJvm.start(ReplierAgent.class, REPLICATED, childArguments(broker, REPLICATED));
        callerAgent = TestAgent.start(CallerAgent::new, broker);
        caller = callerAgent.agent();
    }

    @AfterAll
    static void stop() {
        try (ChildJvm first = killedChild;
                ChildJvm second = replicatedChild) {
            callerAgent.close();
        }
    }

    @Test
    void replierKilledMidStream_everyRequestGetsItsReplyOrATimeout() throws Exception {
        String service = KILLED;
        ChildJvm child = killedChild;
        awaitServing(service, child);
        Duration timeout = Duration.ofSeconds(3);
        List<CompletableFuture<TaskResult>> requests = send(service, timeout);
        Await.await(WAIT, "a few replies before the kill", () -> completed(requests) >= 3);
        child.kill();

        long deadline = System.nanoTime() + timeout.plusSeconds(5).toNanos();
        int replies = 0;
        int timeouts = 0;
        for (int n = 0; n < REQUESTS; n++) {
            try {
                TaskResult result =
                        requests.get(n).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                assertThat(doubled(result)).as("result of request " + n).isEqualTo(2L * n);
                replies++;
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(AgentRequestTimeoutException.class);
                timeouts++;
            }
        }
        LOG.info("Replier killed: {} replies, {} timeouts of {} requests", replies, timeouts, REQUESTS);
        assertThat(timeouts).as("requests that timed out after the kill").isPositive();
        assertThat(replies).as("requests answered before the kill").isGreaterThanOrEqualTo(3);
    }

    @Test
    void replierKilledMidStream_withASecondReplica_everyRequestGetsItsReply(KafkaBroker broker) throws Exception {
        String service = REPLICATED;
        ChildJvm child = replicatedChild;
        awaitServing(service, child);
        try (TestAgent<ReplierAgent> survivor =
                TestAgent.start(() -> new ReplierAgent("survivor"), broker, c -> c.serviceName(service))) {
            Await.await(WAIT, "both replicas share the request partitions", () -> {
                if (!child.isAlive()) {
                    throw new AssertionError("The child JVM exited early; see " + child.log());
                }
                int held = survivor.assignedPartitions().size();
                return held > 0 && held < 4;
            });
            List<CompletableFuture<TaskResult>> requests = send(service, WAIT);
            Await.await(
                    WAIT,
                    "a few replies from the child before the kill",
                    () -> requests.stream()
                                    .filter(request -> request.isDone() && "child".equals(servedBy(request.join())))
                                    .count()
                            >= 2);
            child.kill();

            CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new))
                    .get(WAIT.toSeconds() + 10, TimeUnit.SECONDS);
            for (int n = 0; n < REQUESTS; n++) {
                assertThat(doubled(requests.get(n).join()))
                        .as("result of request " + n)
                        .isEqualTo(2L * n);
            }
            long bySurvivor = requests.stream()
                    .filter(request -> "survivor".equals(servedBy(request.join())))
                    .count();
            LOG.info("Replica killed: {} of {} requests answered by the survivor", bySurvivor, REQUESTS);
            assertThat(bySurvivor).as("requests the survivor answered").isPositive();
        }
    }

    private static void awaitServing(String service, ChildJvm child) {
        try {
            caller.request(service, "double", Map.of("n", 0), WAIT)
                    .toCompletableFuture()
                    .join();
        } catch (CompletionException e) {
            throw new AssertionError("The replier in the child JVM did not answer; see " + child.log(), e);
        }
    }

    private static List<CompletableFuture<TaskResult>> send(String service, Duration timeout) {
        List<CompletableFuture<TaskResult>> requests = new ArrayList<>();
        for (int n = 0; n < REQUESTS; n++) {
            requests.add(caller.request(service, "double", Map.of("n", n, "sleep_ms", WORK_MS), timeout)
                    .toCompletableFuture());
        }
        return requests;
    }

    private static long completed(List<CompletableFuture<TaskResult>> requests) {
        return requests.stream()
                .filter(request -> request.isDone() && !request.isCompletedExceptionally())
                .count();
    }

    private static long doubled(TaskResult result) {
        return ((Number) ((Map<?, ?>) result.result()).get("doubled")).longValue();
    }

    private static Object servedBy(TaskResult result) {
        return ((Map<?, ?>) result.result()).get("served_by");
    }

    private static List<String> childArguments(KafkaBroker broker, String service) {
        return List.of(
                "--service.name=" + service,
                "--kafka.bootstrap-servers=" + broker.bootstrapServers(),
                "--kafka.commit-interval=100ms",
                "--http.port=0",
                // The survivor waits for the killed member's session to expire before it gets its partitions.
                "--kafka.consumer.session.timeout.ms=6000",
                "--kafka.consumer.heartbeat.interval.ms=1000",
                "--replier-id=child");
    }
}
