package io.realtimeagents.agent.internal.mqtt;

import io.realtimeagents.agent.internal.delivery.StopSignal;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;

/**
 * What the connection and the inbound pipeline of one MQTT runtime share: the Paho client, the in-order
 * acknowledgements of its persistent session, the session's record of filters, and the signal that the runtime stops.
 *
 * @param client the client, with manual acknowledgements
 * @param sequencer acknowledges handled messages in arrival order
 * @param filters the session's record of subscribed filters
 * @param closing stopped once the runtime stops taking messages
 */
record MqttSession(MqttAsyncClient client, AckSequencer sequencer, MqttSessionFilters filters, StopSignal closing) {}
