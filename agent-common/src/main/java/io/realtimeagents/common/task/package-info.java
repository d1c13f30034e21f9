/**
 * Task processing, the "standard agent" of the reference library: a
 * {@link io.realtimeagents.common.task.BaseMicroserviceAgent} declares the task types it supports and a
 * {@link io.realtimeagents.common.task.TaskProcessor}; task requests arrive over HTTP task endpoints or WebSocket
 * {@code agent_request} messages and produce a {@link io.realtimeagents.common.task.TaskResult}.
 */
package io.realtimeagents.common.task;
