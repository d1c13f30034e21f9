/**
 * API: {@link io.realtimeagents.agent.hooks.AgentHook}, user code called at an agent's start and stop and around each
 * handling of a Kafka record or MQTT message, with what it sees of them ({@link
 * io.realtimeagents.agent.hooks.HandlingInfo}, {@link io.realtimeagents.agent.hooks.HandlingOutcome}). Depends on
 * nothing of the runtime, so the runtime's internals can call it.
 */
package io.realtimeagents.agent.hooks;
