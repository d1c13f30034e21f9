/**
 * MQTT topic filters with named segments ({@code devices/{patient}/vitals/#}), and the subscriptions and MQTT-to-Kafka
 * bridges an agent is configured with. Pure values: no MQTT client here.
 */
package io.realtimeagents.common.mqtt;
