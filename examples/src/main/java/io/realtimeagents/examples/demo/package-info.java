/** The one-command demo: an embedded Kafka broker, the health agent and a simulator of patients' vitals. */
package io.realtimeagents.examples.demo;
