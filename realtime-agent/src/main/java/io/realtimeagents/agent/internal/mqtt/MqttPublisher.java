package io.realtimeagents.agent.internal.mqtt;

import io.realtimeagents.agent.internal.delivery.Propagation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;

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
                    topic, new MqttMessage(payload, qos, retained, properties()), null, new MqttActionListener() {
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

    /** What the handling running on this thread propagates ({@link Propagation}), as user properties. */
    private static MqttProperties properties() {
        MqttProperties properties = new MqttProperties();
        Propagation propagation = Propagation.current();
        if (propagation != null) {
            List<UserProperty> carried = new ArrayList<>(1);
            propagation.forEachHeader((name, value) -> carried.add(new UserProperty(name, value)));
            properties.setUserProperties(carried);
        }
        return properties;
    }
}
