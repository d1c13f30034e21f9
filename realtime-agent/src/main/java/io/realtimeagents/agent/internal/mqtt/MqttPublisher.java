package io.realtimeagents.agent.internal.mqtt;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/** Publishes the messages handlers send to MQTT, on the runtime's client. */
final class MqttPublisher {
    private final MqttAsyncClient client;

    MqttPublisher(MqttAsyncClient client) {
        this.client = client;
    }

    /** Publishes a message; completes when the broker acknowledged it (QoS 1 and 2) or it was sent (QoS 0). */
    CompletionStage<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        try {
            client.publish(
                    topic,
                    new MqttMessage(payload, qos, retained, new MqttProperties()),
                    null,
                    new MqttActionListener() {
                        @Override
                        public void onSuccess(IMqttToken token) {
                            result.complete(null);
                        }

                        @Override
                        public void onFailure(IMqttToken token, Throwable error) {
                            result.completeExceptionally(error);
                        }
                    });
        } catch (MqttException | RuntimeException e) {
            result.completeExceptionally(e);
        }
        return result;
    }
}
