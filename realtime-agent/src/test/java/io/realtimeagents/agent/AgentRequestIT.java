package io.realtimeagents.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimeagents.agent.support.CallerAgent;
import io.realtimeagents.agent.support.HttpProbe;
import io.realtimeagents.agent.support.ReplierAgent;
import io.realtimeagents.agent.support.TestAgents;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.task.TaskResult;
import io.realtimeagents.testkit.Await;
import io.realtimeagents.testkit.KafkaBroker;
import io.realtimeagents.testkit.WithKafka;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Request/reply between two agents on a real broker: one replier service, one caller; each test uses the same pair.
 */
@WithKafka
class AgentRequestIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static RunningAgent replierRunning;
    private static RunningAgent callerRunning;
    private static ReplierAgent replier;
    private static CallerAgent caller;
    private static String service;

    @BeforeAll
    static void start(KafkaBroker broker) {
        AgentConfig replierConfig = TestAgents.config(broker, "replier").build();
        service = replierConfig.serviceName();
        replier = new ReplierAgent("r1");
        replierRunning = TestAgents.start(replier, replierConfig);
        caller = new CallerAgent();
        callerRunning =
                TestAgents.start(caller, TestAgents.config(broker, "caller").build());
        Await.await(
                WAIT,
                "the replier assigned its request partitions",
                () -> !HttpProbe.assignedPartitions(replierRunning).isEmpty());
    }

    @AfterAll
    static void stop() {
        callerRunning.close();
        replierRunning.close();
    }

    @Test
    void roundTrip_returnsTheRemoteResult() throws Exception {
        TaskResult result = await(caller.request(service, "double", Map.of("n", 21), WAIT));

        assertThat(result.isCompleted()).isTrue();
        assertThat(result.taskType()).isEqualTo("double");
        assertThat(resultOf(result)).containsEntry("doubled", 42).containsEntry("served_by", "r1");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resultOf(TaskResult result) {
        return (Map<String, Object>) result.result();
    }

    private static TaskResult await(CompletionStage<TaskResult> stage) throws Exception {
        return stage.toCompletableFuture().get(WAIT.toSeconds() + 10, TimeUnit.SECONDS);
    }
}
