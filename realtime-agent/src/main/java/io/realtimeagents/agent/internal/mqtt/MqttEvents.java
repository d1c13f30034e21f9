package io.realtimeagents.agent.internal.mqtt;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paho's callbacks, forwarded to the inbound pipeline (messages) and the connection (losses and reconnects). They run
 * on Paho's single callback thread, in arrival order.
 */
final class MqttEvents implements MqttCallback {
    private static final Logger LOG = LoggerFactory.getLogger(MqttEvents.class);

    private final MqttInboundPipeline pipeline;
    private final MqttConnection connection;

    MqttEvents(MqttInboundPipeline pipeline, MqttConnection connection) {
        this.pipeline = pipeline;
        this.connection = connection;
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        pipeline.arrived(topic, message);
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        String reason = response.getException() != null
                ? response.getException().toString()
                : "reason code " + response.getReturnCode() + " " + response.getReasonString();
        connection.connectionLost(reason);
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
        if (reconnect) {
            connection.reconnected();
        }
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        LOG.warn("MQTT error: {}", exception.toString());
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
        // Publishes complete through their own listeners.
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
        // No enhanced authentication.
    }
}
