/**
 * The public API of Realtime Agents: subclass {@link io.realtimeagents.agent.RealtimeAgent}, register handlers in
 * {@code initialize()}, start it with {@link io.realtimeagents.agent.RealtimeAgents}.
 */
package io.realtimeagents.agent;
