package io.realtimeagents.common.task;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A request to run a task: {@code {"task_id", "task_type", "query", "parameters", "correlation_id"}}.
 *
 * @param taskId unique id; generated when not given
 * @param taskType the task type; set from the endpoint when the request came through a task endpoint
 * @param query free text describing what to do, optional
 * @param parameters task parameters, JSON-compatible values
 * @param correlationId optional id echoed in the result
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskRequest(
        String taskId, String taskType, String query, Map<String, Object> parameters, String correlationId) {

    /** Fills in defaults: a random id and empty parameters. */
    public TaskRequest {
        taskId = taskId == null || taskId.isBlank() ? UUID.randomUUID().toString() : taskId;
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** A request of the given type and parameters. */
    public static TaskRequest of(String taskType, Map<String, ?> parameters) {
        return new TaskRequest(null, taskType, null, parameters == null ? null : new LinkedHashMap<>(parameters), null);
    }

    /** This request with the given task type. */
    public TaskRequest withTaskType(String type) {
        return new TaskRequest(taskId, type, query, parameters, correlationId);
    }

    /** This request with the given correlation id. */
    public TaskRequest withCorrelationId(String id) {
        return new TaskRequest(taskId, taskType, query, parameters, id);
    }
}
