/**
 * The MQTT v5 runtime (Eclipse Paho): a persistent session with manual acknowledgements, messages handled on lanes
 * (one topic or bridge key per lane, lanes in parallel) and acknowledged in the order they arrived, bridges to Kafka,
 * publishing, and the connection state for health and status.
 */
package io.realtimeagents.agent.internal.mqtt;
