package io.realtimeagents.agent.internal.request;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * A request to another agent, as JSON on its request topic (snake_case); the record's key is the correlation id.
 *
 * @param correlationId matches the reply to the request
 * @param taskType the task to run
 * @param query the task's free text, or null
 * @param parameters the task's parameters (the request's payload)
 * @param sourceService the service that asks
 * @param replyTo the instance id of the agent that asks
 * @param replyTopic the topic the reply goes to
 * @param replyPartition the partition of the reply topic the asking instance reads
 * @param deadline when the asking agent stops waiting, in epoch milliseconds; a replica drops the request after it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestEnvelope(
        String correlationId,
        String taskType,
        String query,
        Map<String, Object> parameters,
        String sourceService,
        String replyTo,
        String replyTopic,
        int replyPartition,
        long deadline) {
    /** The message type of request records (their {@code message_type} header), reserved for this use. */
    public static final String MESSAGE_TYPE = "realtime_agent_request";

    /** What is missing for a reply to be possible, or null when the request is complete. */
    String problem() {
        if (correlationId == null || correlationId.isBlank()) {
            return "the request has no correlation_id";
        }
        if (taskType == null || taskType.isBlank()) {
            return "the request has no task_type";
        }
        if (replyTo == null || replyTopic == null || replyPartition < 0) {
            return "the request has no reply_to, reply_topic and reply_partition";
        }
        return null;
    }
}
