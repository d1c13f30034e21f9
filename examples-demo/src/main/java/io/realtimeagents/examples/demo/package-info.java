/**
 * The one-command demo: {@link io.realtimeagents.examples.demo.DemoStack} runs an embedded Kafka broker, an embedded
 * MQTT 5 broker, the gateway and health agents and the vitals simulator in one process;
 * {@link io.realtimeagents.examples.demo.HealthDemo} is its {@code main}, printing the dashboard's URL.
 */
package io.realtimeagents.examples.demo;
