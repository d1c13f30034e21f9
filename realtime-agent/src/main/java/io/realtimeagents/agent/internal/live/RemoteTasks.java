package io.realtimeagents.agent.internal.live;

import io.realtimeagents.common.task.TaskRequest;
import io.realtimeagents.common.task.TaskResult;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/** Runs a task of another service over Kafka: the WebSocket {@code agent_request} naming a target service. */
@FunctionalInterface
public interface RemoteTasks {
    /** The timeout of requests made through the WebSocket and HTTP doors when they name none. */
    Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /** Requests the task of the service; the stage fails on timeout, remote failure or when the agent stops. */
    CompletionStage<TaskResult> request(String service, TaskRequest task, Duration timeout);
}
