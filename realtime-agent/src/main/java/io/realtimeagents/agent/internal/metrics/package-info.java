/** Micrometer meters of the agent, exported in the Prometheus format. */
package io.realtimeagents.agent.internal.metrics;
