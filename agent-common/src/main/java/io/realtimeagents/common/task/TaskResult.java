package io.realtimeagents.common.task;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The outcome of a task: {@code {"task_id", "task_type", "status", "result", "error", "error_type",
 * "processing_time_ms", "timestamp", "correlation_id"}}.
 *
 * @param taskId the request's id
 * @param taskType the request's task type
 * @param status {@link #COMPLETED} or {@link #FAILED}
 * @param result what the processor returned, null when it failed
 * @param error why it failed (the exception's message), null when it completed
 * @param errorType the class of the exception the processor threw, null when it completed
 * @param processingTimeMs how long the processor ran
 * @param timestamp when it finished
 * @param correlationId the request's correlation id
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskResult(
        String taskId,
        String taskType,
        String status,
        Object result,
        String error,
        String errorType,
        long processingTimeMs,
        Instant timestamp,
        String correlationId) {
    /** Status of a task that completed. */
    public static final String COMPLETED = "completed";
    /** Status of a task whose processor threw. */
    public static final String FAILED = "failed";

    /** Whether the task completed. Not a wire field: the wire has {@code status}. */
    @JsonIgnore
    public boolean isCompleted() {
        return COMPLETED.equals(status);
    }

    static TaskResult completed(TaskRequest request, Object result, long millis) {
        return new TaskResult(
                request.taskId(),
                request.taskType(),
                COMPLETED,
                result,
                null,
                null,
                millis,
                Instant.now(),
                request.correlationId());
    }

    static TaskResult failed(TaskRequest request, Throwable error, long millis) {
        return new TaskResult(
                request.taskId(),
                request.taskType(),
                FAILED,
                null,
                error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage(),
                error.getClass().getName(),
                millis,
                Instant.now(),
                request.correlationId());
    }
}
