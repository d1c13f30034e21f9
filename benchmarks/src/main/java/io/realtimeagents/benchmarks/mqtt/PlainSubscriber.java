package io.realtimeagents.benchmarks.mqtt;

import com.fasterxml.jackson.databind.ObjectReader;
import io.realtimeagents.benchmarks.kafka.Reading;
import io.realtimeagents.common.json.Json;
import java.io.IOException;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * Contender A, the ceiling: a Paho {@link MqttAsyncClient} (MQTT 5, clean start, TCP_NODELAY, automatic acks)
 * subscribed at QoS 1, decoding every payload into a {@link Reading} with the agent's shared mapper in {@code
 * messageArrived} and counting it.
 */
final class PlainSubscriber implements Contender {
    private static final long TIMEOUT_MILLIS = 10_000;

    private final String serverUri;
    private final ObjectReader reader = Json.mapper().readerFor(Reading.class);

    PlainSubscriber(String serverUri) {
        this.serverUri = serverUri;
    }

    @Override
    public String name() {
        return "plain";
    }

    @Override
    public AutoCloseable start(String prefix, String runId, MessageCounter counter) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(serverUri, runId + "-plain", new MemoryPersistence());
        client.setCallback(new Counting(counter));
        client.connect(Publisher.options()).waitForCompletion(TIMEOUT_MILLIS);
        client.subscribe(Messages.filter(prefix, "+"), 1).waitForCompletion(TIMEOUT_MILLIS);
        return () -> {
            try {
                client.disconnect().waitForCompletion(TIMEOUT_MILLIS);
            } finally {
                client.close();
            }
        };
    }

    private final class Counting implements MqttCallback {
        private final MessageCounter counter;

        Counting(MessageCounter counter) {
            this.counter = counter;
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) throws IOException {
            Reading reading = reader.readValue(message.getPayload());
            counter.add(reading.heartRate());
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {}

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            System.err.println("plain subscriber: " + exception);
        }

        @Override
        public void deliveryComplete(IMqttToken token) {}

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {}

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {}
    }
}
