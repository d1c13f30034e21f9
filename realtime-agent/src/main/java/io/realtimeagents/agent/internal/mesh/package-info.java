/**
 * The agent registry: the announcer of this instance's card on the compacted registry topic, the view of every live
 * instance built from that topic, their JSON codec, and the component that ties them into the runtime's transports.
 */
package io.realtimeagents.agent.internal.mesh;
