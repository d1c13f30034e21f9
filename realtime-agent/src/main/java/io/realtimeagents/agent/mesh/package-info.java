/**
 * The agent mesh as user code sees it: the {@link io.realtimeagents.agent.mesh.AgentInstance cards} of the agent
 * instances announced on the registry topic, and the {@link io.realtimeagents.agent.mesh.AgentDirectory directory} of
 * the live ones, kept by every agent from that topic. Nothing here depends on the runtime's internals.
 */
package io.realtimeagents.agent.mesh;
