/**
 * Helpers of this module's integration tests: test configurations, an HTTP client of the agent's endpoints, a reader
 * of output topics, a log capture, Prometheus text parsing, and an agent that runs in a child JVM.
 */
package io.realtimeagents.agent.support;
