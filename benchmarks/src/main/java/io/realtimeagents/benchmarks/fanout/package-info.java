/**
 * The fan-out benchmark: thousands of WebSocket and SSE clients on loopback receiving broadcast messages at a steady
 * rate, from a {@code RealtimeAgent} and from a minimal plain Netty server (the physical baseline), each server in a
 * JVM of its own and the clients in another.
 */
package io.realtimeagents.benchmarks.fanout;
