/**
 * The fault-injection soak: the Kafka broker, an MQTT broker and agent replicas each in a JVM of its own, faults on a
 * schedule (replica SIGKILL, broker restarts, a slow handler), and a check that every input's outputs exist.
 */
package io.realtimeagents.benchmarks.soak;
