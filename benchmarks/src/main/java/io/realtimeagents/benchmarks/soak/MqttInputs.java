package io.realtimeagents.benchmarks.soak;

import io.realtimeagents.common.json.Json;
import io.realtimeagents.common.net.NoDelaySocketFactory;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * The MQTT publisher of the soak: QoS 1 inputs at a steady rate, alternately {@code h-<n>} on {@code
 * soak/handled/<n % 8>} (handled) and {@code b-<n>} on {@code soak/bridged/b-<n>} (bridged). An input counts once the
 * broker acknowledged it (PUBACK). While the broker is down it reconnects every half second and sends nothing.
 */
final class MqttInputs implements AutoCloseable {
    private static final long TIMEOUT_MILLIS = 5_000;
    private static final long RECONNECT_PAUSE_MILLIS = 500;

    private final MqttAsyncClient client;
    private final Map<String, Long> confirmed;
    private final AtomicLong attempted = new AtomicLong();
    private final long perSecond;
    private volatile boolean running = true;
    private int connects; // by the publishing thread
    private final Thread thread;

    MqttInputs(int port, long perSecond, Map<String, Long> confirmed) throws MqttException {
        this.perSecond = perSecond;
        this.confirmed = confirmed;
        this.client = new MqttAsyncClient("tcp://127.0.0.1:" + port, "soak-publisher", new MemoryPersistence());
        this.thread = Thread.ofPlatform().name("soak-mqtt-inputs").start(this::publish);
    }

    private void publish() {
        Pacer pacer = new Pacer(perSecond, System.nanoTime());
        long n = 0;
        while (running) {
            if (!client.isConnected() && !connect()) {
                continue;
            }
            for (long due = pacer.due(System.nanoTime()); due > 0 && running; due--) {
                if (!send(n)) {
                    break;
                }
                n++;
            }
            KafkaInputs.sleepBriefly();
        }
    }

    private boolean connect() {
        try {
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setCleanStart(true);
            options.setSessionExpiryInterval(0L);
            options.setAutomaticReconnect(false);
            options.setSocketFactory(NoDelaySocketFactory.instance());
            options.setConnectionTimeout(2);
            client.connect(options).waitForCompletion(TIMEOUT_MILLIS);
            if (connects++ > 0) {
                // When the broker answers again after a restart, to compare with the agents' reconnections.
                System.err.println("soak: MQTT publisher reconnected at " + Instant.now());
            }
            return true;
        } catch (MqttException e) {
            try {
                Thread.sleep(RECONNECT_PAUSE_MILLIS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }

    /** Publishes input {@code n}; false when the client cannot take it now (not connected, too many in flight). */
    private boolean send(long n) {
        boolean handled = n % 2 == 0;
        String id = (handled ? "h-" : "b-") + n;
        String topic = handled
                ? SoakTopics.HANDLED_PREFIX + (n / 2) % SoakTopics.HANDLED_TOPICS
                : SoakTopics.BRIDGED_PREFIX + id;
        long sentAt = System.currentTimeMillis();
        MqttMessage message = new MqttMessage(Json.encode(new SoakAgent.Input(id, sentAt)));
        message.setQos(1);
        try {
            client.publish(topic, message, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    confirmed.put(id, sentAt);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable error) {
                    // Not acknowledged: the input does not count.
                }
            });
            attempted.incrementAndGet();
            return true;
        } catch (MqttException e) {
            return false;
        }
    }

    /** Inputs sent so far, acknowledged or not. */
    long attempted() {
        return attempted.get();
    }

    /** Stops publishing, gives the last acknowledgements a moment, and disconnects. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
        try {
            if (client.isConnected()) {
                client.disconnect(TIMEOUT_MILLIS).waitForCompletion(TIMEOUT_MILLIS);
            }
            client.close();
        } catch (MqttException e) {
            // Closing anyway; unacknowledged inputs do not count.
        }
    }
}
