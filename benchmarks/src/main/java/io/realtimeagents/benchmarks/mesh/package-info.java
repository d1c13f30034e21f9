/**
 * The {@code mesh} benchmark: request/reply between two agents in JVMs of their own, against a plain kafka-clients
 * request/reply pair, and how fast the agent registry sees instances come and go.
 */
package io.realtimeagents.benchmarks.mesh;
