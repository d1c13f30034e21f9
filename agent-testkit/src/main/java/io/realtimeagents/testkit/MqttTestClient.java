package io.realtimeagents.testkit;

import io.realtimeagents.common.net.NoDelaySocketFactory;
import io.realtimeagents.testkit.internal.Checks;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;

/**
 * An MQTT 5 client for tests, connected with a clean session: synchronous publishes with a QoS, subscriptions that
 * collect what arrives, and waits with deadlines. Create one per test with {@link #connect(MqttBroker)} (or let
 * {@link WithMqtt} inject it) and close it afterwards.
 */
public final class MqttTestClient implements AutoCloseable {
    /** How long a publish or subscribe may take. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private static final AtomicLong CLIENTS = new AtomicLong();
    private static final AtomicLong TOPICS = new AtomicLong();
    /**
     * Unacknowledged publishes of {@link #publishAll}: below Mosquitto's default receive maximum of 20, since a client
     * that exceeds a broker's receive maximum is disconnected with a protocol error.
     */
    private static final int MAX_PENDING = 10;

    private static final Duration IN_FLIGHT_PAUSE = Duration.ofMillis(1);

    private final MqttAsyncClient client;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private MqttTestClient(MqttAsyncClient client) {
        this.client = client;
    }

    /**
     * A client connected to the broker.
     *
     * @throws IllegalStateException when it cannot connect
     */
    public static MqttTestClient connect(MqttBroker broker) {
        return connect(broker, null, null);
    }

    /**
     * A client connected to the broker with a user name and password (see {@link MqttBroker#logins()}).
     *
     * @throws IllegalStateException when it cannot connect
     */
    public static MqttTestClient connect(MqttBroker broker, String userName, String password) {
        Checks.notNull(broker, "broker");
        String id = "realtime-agents-testkit-" + CLIENTS.incrementAndGet() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        try {
            MqttAsyncClient client = new MqttAsyncClient(broker.serverUri(), id, new MemoryPersistence());
            MqttTestClient testClient = new MqttTestClient(client);
            client.setCallback(new ReceiveCallback(testClient.received));
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setCleanStart(true);
            options.setSessionExpiryInterval(0L);
            options.setSocketFactory(NoDelaySocketFactory.instance());
            options.setConnectionTimeout(10);
            if (userName != null) {
                options.setUserName(userName);
                options.setPassword(password == null ? null : password.getBytes(StandardCharsets.UTF_8));
            }
            client.connect(options).waitForCompletion(DEFAULT_TIMEOUT.toMillis());
            return testClient;
        } catch (MqttException e) {
            throw new IllegalStateException("Cannot connect a test client to " + broker.serverUri() + ": " + e, e);
        }
    }

    /** A topic name no other test uses: {@code prefix/<n>-<random>}. */
    public static String uniqueTopic(String prefix) {
        Checks.notBlank(prefix, "prefix");
        return prefix + "/" + TOPICS.incrementAndGet() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Publishes a UTF-8 payload and waits until the broker acknowledged it (QoS 1 and 2). */
    public void publish(String topic, String payload, int qos) {
        publish(topic, payload.getBytes(StandardCharsets.UTF_8), qos, Map.of());
    }

    /** Publishes a payload with MQTT 5 user properties and waits until the broker acknowledged it. */
    public void publish(String topic, byte[] payload, int qos, Map<String, String> userProperties) {
        waitFor(send(topic, payload, qos, userProperties), "publish to " + topic);
    }

    /**
     * Publishes many UTF-8 payloads to one topic, in order, keeping up to {@value #MAX_PENDING} unacknowledged, and
     * waits until the broker acknowledged all of them.
     */
    public void publishAll(String topic, List<String> payloads, int qos) {
        List<IMqttToken> pending = new ArrayList<>();
        for (String payload : payloads) {
            if (pending.size() >= MAX_PENDING) {
                waitFor(pending.remove(0), "publish to " + topic);
            }
            byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
            IMqttToken token = trySend(topic, bytes, qos, Map.of());
            while (token == null && !pending.isEmpty()) {
                waitFor(pending.remove(0), "publish to " + topic); // the broker's receive maximum is reached
                token = trySend(topic, bytes, qos, Map.of());
            }
            pending.add(token != null ? token : send(topic, bytes, qos, Map.of()));
        }
        pending.forEach(token -> waitFor(token, "publish to " + topic));
    }

    /** Publishes, or returns null when the broker's receive maximum of unacknowledged publishes is reached. */
    private IMqttToken trySend(String topic, byte[] payload, int qos, Map<String, String> userProperties) {
        MqttProperties properties = new MqttProperties();
        List<UserProperty> user = new ArrayList<>();
        userProperties.forEach((name, value) -> user.add(new UserProperty(name, value)));
        properties.setUserProperties(user);
        try {
            return client.publish(topic, new MqttMessage(payload, qos, false, properties));
        } catch (MqttException e) {
            if (e.getReasonCode() == MqttClientException.REASON_CODE_MAX_INFLIGHT) {
                return null;
            }
            throw new IllegalStateException("Cannot publish to " + topic + ": " + e, e);
        }
    }

    /** Publishes, waiting briefly while Paho still counts just-acknowledged publishes as in flight. */
    private IMqttToken send(String topic, byte[] payload, int qos, Map<String, String> userProperties) {
        long deadline = System.nanoTime() + DEFAULT_TIMEOUT.toNanos();
        IMqttToken token;
        while ((token = trySend(topic, payload, qos, userProperties)) == null) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("Cannot publish to " + topic + ": too many publishes in progress");
            }
            LockSupport.parkNanos(IN_FLIGHT_PAUSE.toNanos());
        }
        return token;
    }

    /** Subscribes to a filter (plain MQTT syntax) and waits for the broker's acknowledgement. */
    public void subscribe(String filter, int qos) {
        try {
            waitFor(client.subscribe(new MqttSubscription(filter, qos)), "subscribe to " + filter);
        } catch (MqttException e) {
            throw new IllegalStateException("Cannot subscribe to " + filter + ": " + e, e);
        }
    }

    /** Waits until at least {@code count} received messages match, and returns those. */
    public List<Received> awaitMessages(Predicate<Received> matching, int count, Duration timeout) {
        Await.await(
                timeout,
                count + " matching MQTT messages (received so far: " + received.size() + ")",
                () -> received.stream().filter(matching).count() >= count);
        return received.stream().filter(matching).toList();
    }

    /** Every message received so far, in arrival order. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    private static void waitFor(IMqttToken token, String what) {
        try {
            token.waitForCompletion(DEFAULT_TIMEOUT.toMillis());
        } catch (MqttException e) {
            throw new IllegalStateException("Could not " + what + ": " + e, e);
        }
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(DEFAULT_TIMEOUT.toMillis());
            }
            client.close();
        } catch (MqttException e) {
            // Closing a test client never fails a test.
        }
    }

    /**
     * A message a subscription received.
     *
     * @param topic its topic
     * @param payload its payload as UTF-8
     * @param qos the QoS it was delivered with
     * @param userProperties its MQTT 5 user properties
     */
    public record Received(String topic, String payload, int qos, Map<String, String> userProperties) {}

    private record ReceiveCallback(List<Received> received) implements org.eclipse.paho.mqttv5.client.MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            Map<String, String> user = new java.util.LinkedHashMap<>();
            message.getProperties().getUserProperties().forEach(p -> user.put(p.getKey(), p.getValue()));
            received.add(new Received(
                    topic,
                    new String(message.getPayload(), StandardCharsets.UTF_8),
                    message.getQos(),
                    Map.copyOf(user)));
        }

        @Override
        public void disconnected(org.eclipse.paho.mqttv5.client.MqttDisconnectResponse response) {}

        @Override
        public void mqttErrorOccurred(MqttException exception) {}

        @Override
        public void deliveryComplete(IMqttToken token) {}

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {}

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {}
    }
}
