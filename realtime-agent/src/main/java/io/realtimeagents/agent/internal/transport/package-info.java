/**
 * The inbound transport SPI: what every transport that brings messages into the agent (Kafka, MQTT, later agent
 * requests) offers the runtime, so the runtime holds a list of transports and assembles health, readiness and status
 * from it in one place. Not API, may change in any release.
 */
package io.realtimeagents.agent.internal.transport;
