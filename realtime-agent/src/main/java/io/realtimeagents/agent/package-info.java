/**
 * API: subclass {@link io.realtimeagents.agent.RealtimeAgent}, register handlers in {@code initialize()}, start it
 * with {@link io.realtimeagents.agent.RealtimeAgents}.
 *
 * <p>With {@code io.realtimeagents.agent.hooks} (lifecycle and handling hooks) this is the API of the module;
 * everything under {@code io.realtimeagents.agent.internal} is the implementation and may change in any release.
 */
package io.realtimeagents.agent;
