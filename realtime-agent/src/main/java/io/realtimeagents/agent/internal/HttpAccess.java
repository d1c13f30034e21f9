package io.realtimeagents.agent.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.realtimeagents.agent.internal.live.auth.AccessDecision;
import io.realtimeagents.agent.internal.live.auth.LiveAccess;
import io.realtimeagents.common.PayloadDecodingException;
import io.realtimeagents.common.json.Json;
import io.realtimeagents.common.task.TaskEndpoint;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Access control of the HTTP endpoints, with the credentials and permissions of live connections: when access control
 * is on, task endpoints answer 401 without a valid credential and 403 when it may not run the task type; with
 * {@code STATUS_ENDPOINTS_PROTECTED} the status and metrics endpoints answer 401 or 403 without the {@code status}
 * scope. Each check answers the refusal, or empty when the request may go on.
 */
public final class HttpAccess {
    private final LiveAccess access;
    private final Map<String, String> typesByPath;

    HttpAccess(LiveAccess access, List<TaskEndpoint> endpoints) {
        this.access = access;
        this.typesByPath =
                endpoints.stream().collect(Collectors.toUnmodifiableMap(TaskEndpoint::path, TaskEndpoint::taskType));
    }

    /**
     * {@code POST <path>}: the path's task type must be permitted; an unknown path passes on, to be answered 404.
     *
     * @param authorization the Authorization header, or null
     * @param queryToken the access_token query parameter, or null
     */
    public Optional<HttpReply> taskAt(String path, String authorization, String queryToken) {
        return task(typesByPath.get(path), authorization, queryToken);
    }

    /** {@code POST /agents/{service}/tasks/{taskType}}: the task type must be permitted, as for this agent's tasks. */
    public Optional<HttpReply> remoteTask(String taskType, String authorization, String queryToken) {
        return task(taskType, authorization, queryToken);
    }

    /** {@code POST /tasks}: the body's {@code task_type} must be permitted; a body without one passes on (400). */
    public Optional<HttpReply> namedTask(String body, String authorization, String queryToken) {
        if (!access.enabled()) {
            return Optional.empty();
        }
        return task(taskTypeOf(body), authorization, queryToken);
    }

    /** {@code /metrics}, {@code /realtime/status}, {@code /realtime/connections}, when they are protected. */
    public Optional<HttpReply> status(String authorization, String queryToken) {
        if (!access.statusProtected()) {
            return Optional.empty();
        }
        AccessDecision decision = access.authenticate(authorization, queryToken, Instant.now());
        if (decision instanceof AccessDecision.Denied denied) {
            return Optional.of(unauthorized(denied));
        }
        if (!((AccessDecision.Granted) decision).status()) {
            return Optional.of(HttpReply.error(
                    403,
                    "forbidden",
                    "the credentials lack the status scope (STATUS_ENDPOINTS_PROTECTED): grant it in the token's"
                            + " scope claim or the API key's ;scope=status"));
        }
        return Optional.empty();
    }

    private Optional<HttpReply> task(String taskType, String authorization, String queryToken) {
        if (!access.enabled()) {
            return Optional.empty();
        }
        AccessDecision decision = access.authenticate(authorization, queryToken, Instant.now());
        if (decision instanceof AccessDecision.Denied denied) {
            return Optional.of(unauthorized(denied));
        }
        if (taskType != null && !((AccessDecision.Granted) decision).tasks().allows(taskType)) {
            return Optional.of(HttpReply.error(
                    403,
                    "forbidden",
                    "the credentials may not run task type '" + taskType
                            + "': grant it in the token's tasks claim or the API key's ;tasks="));
        }
        return Optional.empty();
    }

    private static HttpReply unauthorized(AccessDecision.Denied denied) {
        return HttpReply.error(401, "unauthorized", denied.reason());
    }

    private static String taskTypeOf(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode type = Json.tree(body.getBytes(StandardCharsets.UTF_8)).get("task_type");
            return type != null && type.isTextual() ? type.textValue() : null;
        } catch (PayloadDecodingException e) {
            return null;
        }
    }
}
