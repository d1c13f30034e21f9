package io.realtimeagents.agent.internal.request;

import io.realtimeagents.common.task.TaskResult;

/**
 * A reply, as JSON on the reply topic (snake_case); the record's key is the correlation id.
 *
 * @param correlationId the request's correlation id
 * @param replyTo the instance id of the agent that asked, so another instance reading the same partition ignores it
 * @param result the task's result: {@code completed}, or {@code failed} with the remote error
 */
public record ReplyEnvelope(String correlationId, String replyTo, TaskResult result) {}
