package io.realtimeagents.benchmarks.mqtt;

import io.realtimeagents.common.net.NoDelaySocketFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * The one publisher of a run: a Paho {@link MqttAsyncClient} (MQTT 5, clean start, TCP_NODELAY) publishing QoS 1.
 * It keeps fewer messages in flight than the broker's receive maximum (a semaphore released when the PUBACK
 * arrives), and never gets more than the window ahead of what the receiver counted.
 */
final class Publisher implements AutoCloseable {
    /** At most this many messages in flight, and fewer than the broker's receive maximum. */
    static final int MAX_IN_FLIGHT = 16;

    /** Paho's reason code for "too many publishes in progress". */
    private static final int TOO_MANY_IN_FLIGHT = 32202;

    private static final long TIMEOUT_MILLIS = 10_000;
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(200);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);

    private final MqttAsyncClient client;
    private final int inFlight;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private Publisher(MqttAsyncClient client, int inFlight) {
        this.client = client;
        this.inFlight = inFlight;
    }

    /** Connects a publisher with a new client id. */
    static Publisher connect(String serverUri, String clientId) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(serverUri, clientId, new MemoryPersistence());
        IMqttToken connected = client.connect(options());
        connected.waitForCompletion(TIMEOUT_MILLIS);
        Integer receiveMaximum = connected.getResponseProperties() == null
                ? null
                : connected.getResponseProperties().getReceiveMaximum();
        int limit = receiveMaximum == null ? MAX_IN_FLIGHT : Math.min(MAX_IN_FLIGHT, receiveMaximum - 4);
        return new Publisher(client, Math.max(1, limit));
    }

    /** Clean start, nothing kept after the disconnect, TCP_NODELAY. */
    static MqttConnectionOptions options() {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setSessionExpiryInterval(0L);
        options.setAutomaticReconnect(false);
        options.setSocketFactory(NoDelaySocketFactory.instance());
        options.setConnectionTimeout(10);
        return options;
    }

    /** How many messages it keeps in flight. */
    int inFlight() {
        return inFlight;
    }

    /**
     * Publishes probes on the run's topics until the receiver counted one, so that the receiver is subscribed before
     * the measured messages start.
     *
     * @throws IllegalStateException when no probe arrives within 30 s
     */
    void probe(String prefix, MessageCounter counter) throws MqttException, InterruptedException {
        long deadline = System.nanoTime() + PROBE_TIMEOUT.toNanos();
        do {
            client.publish(Messages.topic(prefix, Messages.PROBE_PATIENT), message(Messages.PROBE))
                    .waitForCompletion(TIMEOUT_MILLIS);
            if (counter.awaitProbe(PROBE_INTERVAL)) {
                return;
            }
        } while (System.nanoTime() < deadline);
        throw new IllegalStateException("The receiver got no probe message within " + PROBE_TIMEOUT
                + ": it is not subscribed to " + Messages.filter(prefix, "+"));
    }

    /**
     * Publishes the first {@code count} messages in order, taking one permit of {@code window} per message.
     *
     * @throws IllegalStateException when the broker refused a message
     */
    void publish(String prefix, Messages messages, int count, Semaphore window) throws Exception {
        Map<String, String> topics = new HashMap<>();
        Semaphore slots = new Semaphore(inFlight);
        MqttActionListener released = new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                slots.release();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable error) {
                failure.compareAndSet(null, error);
                slots.release();
            }
        };
        for (int i = 0; i < count && failure.get() == null; i++) {
            String topic = topics.computeIfAbsent(messages.patients()[i], patient -> Messages.topic(prefix, patient));
            MqttMessage message = message(messages.payloads()[i]);
            window.acquire();
            slots.acquire();
            while (true) {
                try {
                    client.publish(topic, message, null, released);
                    break;
                } catch (MqttException e) {
                    if (e.getReasonCode() != TOO_MANY_IN_FLIGHT) {
                        throw e;
                    }
                    // Paho frees its own slot just after the PUBACK callback: try again in a moment.
                    Thread.onSpinWait();
                }
            }
        }
        if (!slots.tryAcquire(inFlight, TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("The broker did not acknowledge the last messages within 10 s");
        }
        if (failure.get() != null) {
            throw new IllegalStateException("Publishing failed: " + failure.get(), failure.get());
        }
    }

    private static MqttMessage message(byte[] payload) {
        MqttMessage message = new MqttMessage(payload);
        message.setQos(1);
        return message;
    }

    @Override
    public void close() throws MqttException {
        try {
            client.disconnect().waitForCompletion(TIMEOUT_MILLIS);
        } finally {
            client.close();
        }
    }
}
