package io.realtimeagents.agent.internal.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.realtimeagents.agent.mesh.AgentRequestFailedException;
import io.realtimeagents.agent.mesh.AgentRequestTimeoutException;
import io.realtimeagents.common.InvalidTaskInputException;
import io.realtimeagents.common.PayloadDecodingException;
import io.realtimeagents.common.UnknownTaskTypeException;
import io.realtimeagents.common.json.Json;
import io.realtimeagents.common.live.LiveTopics;
import io.realtimeagents.common.model.WebSocketMessage;
import io.realtimeagents.common.task.TaskRequest;
import io.realtimeagents.common.task.TaskResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket protocol (see DESIGN.md): {@code subscribe}/{@code unsubscribe} with {@code payload.topic},
 * {@code agent_request} run by the agent's task processor on its bounded task executor (answered {@code busy} when that
 * is full), never on the event loop, or sent to another agent over Kafka when it names a target service, {@code ping}.
 * Every problem is answered with an {@code error} message naming it, and the connection stays open.
 */
final class WsProtocol {
    private static final Logger LOG = LoggerFactory.getLogger(WsProtocol.class);

    private final int maxSubscriptions;
    private final Function<TaskRequest, TaskResult> tasks;
    private final Executor taskExecutor;
    private final String serviceName;
    private final RemoteTasks remote;

    WsProtocol(
            int maxSubscriptions,
            Function<TaskRequest, TaskResult> tasks,
            Executor taskExecutor,
            String serviceName,
            RemoteTasks remote) {
        this.maxSubscriptions = maxSubscriptions;
        this.tasks = tasks;
        this.taskExecutor = taskExecutor;
        this.serviceName = serviceName;
        this.remote = remote;
    }

    /** Handles one text message of a client; on the connection's event loop. */
    void handle(WsConnection connection, String text) {
        JsonNode message;
        try {
            message = Json.tree(text.getBytes(StandardCharsets.UTF_8));
        } catch (PayloadDecodingException e) {
            connection.reply(error("invalid_json", "the message is not valid JSON: " + e.getMessage(), null));
            return;
        }
        if (!message.isObject()) {
            connection.reply(error("invalid_message", "expected a JSON object with message_type and payload", null));
            return;
        }
        String correlationId = textOf(message.get("correlation_id"));
        String type = textOf(message.get("message_type"));
        JsonNode payload = message.path("payload");
        if (type == null || type.isBlank()) {
            connection.reply(error("missing_field", "missing field message_type", correlationId));
            return;
        }
        switch (type) {
            case "subscribe" -> subscribe(connection, payload, correlationId);
            case "unsubscribe" -> unsubscribe(connection, payload, correlationId);
            case "ping" ->
                connection.reply(
                        reply("pong", Json.convert(payload.isObject() ? payload : Map.of(), Map.class), correlationId));
            case "agent_request" -> agentRequest(connection, payload, correlationId);
            default ->
                connection.reply(error(
                        "unknown_message_type",
                        "unknown message_type '" + type + "': expected subscribe, unsubscribe, agent_request or ping",
                        correlationId));
        }
    }

    private void subscribe(WsConnection connection, JsonNode payload, String correlationId) {
        String topic = topicOf(connection, payload, correlationId);
        if (topic == null) {
            return;
        }
        if (!connection.permissions.allows(topic)) {
            connection.reply(error("forbidden", "not allowed to read topic '" + topic + "'", correlationId));
            return;
        }
        if (!connection.topics.contains(topic) && connection.topics.size() >= maxSubscriptions) {
            connection.reply(error(
                    "subscription_limit",
                    "subscription limit of " + maxSubscriptions + " topics reached (WEBSOCKET_MAX_SUBSCRIPTIONS):"
                            + " unsubscribe from a topic first",
                    correlationId));
            return;
        }
        connection.shard.subscribe(connection, topic);
        connection.reply(reply("subscription_confirmed", Map.of("topic", topic), correlationId));
    }

    private void unsubscribe(WsConnection connection, JsonNode payload, String correlationId) {
        String topic = topicOf(connection, payload, correlationId);
        if (topic != null) {
            boolean was = connection.shard.unsubscribe(connection, topic);
            connection.reply(reply("unsubscribed", Map.of("topic", topic, "was_subscribed", was), correlationId));
        }
    }

    private static String topicOf(WsConnection connection, JsonNode payload, String correlationId) {
        String topic = textOf(payload.get("topic"));
        if (topic == null) {
            connection.reply(error("missing_field", "missing field payload.topic", correlationId));
            return null;
        }
        if (!LiveTopics.isValid(topic)) {
            connection.reply(error(
                    "invalid_topic",
                    "invalid topic '" + topic + "': use 1-200 letters, digits, '.', '_', ':' or '-'",
                    correlationId));
            return null;
        }
        return topic;
    }

    private void agentRequest(WsConnection connection, JsonNode payload, String correlationId) {
        String taskType = textOf(payload.get("task_type"));
        if (taskType == null || taskType.isBlank()) {
            connection.reply(error("missing_field", "missing field payload.task_type", correlationId));
            return;
        }
        WebSocketMessage denied = denial(connection, taskType, correlationId);
        if (denied != null) {
            connection.reply(denied);
            return;
        }
        TaskRequest request;
        try {
            request = Json.convert(payload, TaskRequest.class);
        } catch (PayloadDecodingException e) {
            connection.reply(
                    error("invalid_request", "the agent_request payload is invalid: " + e.getMessage(), correlationId));
            return;
        }
        TaskRequest task = request.correlationId() == null && correlationId != null
                ? new TaskRequest(
                        request.taskId(), request.taskType(), request.query(), request.parameters(), correlationId)
                : request;
        String target = textOf(payload.has("service") ? payload.get("service") : payload.get("target_service"));
        Runnable work = target == null || target.equals(serviceName)
                ? () -> connection.reply(run(task, correlationId))
                : () -> requestRemote(connection, target, task, payload, correlationId);
        try {
            taskExecutor.execute(work);
        } catch (RejectedExecutionException e) {
            connection.reply(error("busy", e.getMessage(), correlationId));
        }
    }

    /** An {@code unauthorized} error when the connection's token expired, {@code forbidden} without the task type. */
    private static WebSocketMessage denial(WsConnection connection, String taskType, String correlationId) {
        if (connection.expired(Instant.now())) {
            return error("unauthorized", "the token expired: reconnect with a new token", correlationId);
        }
        if (!connection.tasks.allows(taskType)) {
            return error(
                    "forbidden",
                    "the credentials may not run task type '" + taskType
                            + "': grant it in the token's tasks claim or the API key's ;tasks=",
                    correlationId);
        }
        return null;
    }

    private WebSocketMessage run(TaskRequest request, String correlationId) {
        try {
            TaskResult result = tasks.apply(request);
            return reply("agent_response", Json.convert(result, Map.class), correlationId);
        } catch (UnknownTaskTypeException e) {
            return error("unknown_task_type", e.getMessage(), correlationId);
        } catch (InvalidTaskInputException e) {
            return error("invalid_task_input", e.getMessage(), correlationId);
        } catch (RuntimeException e) {
            LOG.warn("Task {} of type {} failed", request.taskId(), request.taskType(), e);
            return error("task_failed", "task " + request.taskType() + " failed: " + e, correlationId);
        }
    }

    /**
     * An {@code agent_request} naming another service ({@code payload.service} or {@code payload.target_service}):
     * sent to it over Kafka, answered with its {@code agent_response}, or an error {@code timeout}, {@code
     * task_failed} (with the remote error) or {@code request_failed}. {@code payload.timeout_ms} bounds the wait.
     */
    private void requestRemote(
            WsConnection connection, String service, TaskRequest task, JsonNode payload, String correlationId) {
        if (remote == null) {
            connection.reply(error(
                    "kafka_disabled",
                    "requests to service '" + service + "' go over Kafka, which is disabled (REALTIME_ENABLED=false)",
                    correlationId));
            return;
        }
        JsonNode timeoutMs = payload.get("timeout_ms");
        Duration timeout = timeoutMs != null && timeoutMs.canConvertToLong() && timeoutMs.asLong() > 0
                ? Duration.ofMillis(timeoutMs.asLong())
                : RemoteTasks.DEFAULT_TIMEOUT;
        remote.request(service, task, timeout)
                .whenComplete((result, failure) -> connection.reply(
                        failure == null
                                ? reply("agent_response", Json.convert(result, Map.class), correlationId)
                                : remoteError(failure, correlationId)));
    }

    private static WebSocketMessage remoteError(Throwable failure, String correlationId) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        String code = cause instanceof AgentRequestTimeoutException
                ? "timeout"
                : cause instanceof AgentRequestFailedException ? "task_failed" : "request_failed";
        return error(code, cause.getMessage(), correlationId);
    }

    private static String textOf(JsonNode node) {
        return node == null || !node.isTextual() ? null : node.asText();
    }

    static WebSocketMessage reply(String type, Map<?, ?> payload, String correlationId) {
        Map<String, Object> body = new LinkedHashMap<>();
        payload.forEach((key, value) -> body.put(String.valueOf(key), value));
        return new WebSocketMessage(type, body, null, correlationId);
    }

    /** An {@code error} message: {@code payload.code} names the problem, {@code payload.reason} explains it. */
    static WebSocketMessage error(String code, String reason, String correlationId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("reason", reason);
        return new WebSocketMessage("error", body, null, correlationId);
    }
}
