package io.realtimeagents.agent.internal.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the broker's persistent session to the configured filters. MQTT cannot list a session's subscriptions, so the
 * agent records them itself, in a retained message on a topic of its own (beside the session, in the same broker, so
 * both live and go together): at the first connection of a run that finds its session, the filters recorded by the
 * previous run and no longer configured are unsubscribed. The record is widened to the new filters before they are
 * subscribed and narrowed after the old ones are gone, so a crash in between leaves no filter unrecorded.
 *
 * <p>Reading: subscribe to the record topic (QoS 0), publish a marker to it, and take the retained message that
 * arrives before the marker (none before it: nothing recorded); then unsubscribe. {@link #accept} takes those messages
 * off the normal route.
 */
final class MqttSessionFilters {
    private static final Logger LOG = LoggerFactory.getLogger(MqttSessionFilters.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final MqttAsyncClient client;
    private final String topic;
    private volatile CompletableFuture<String> reading = new CompletableFuture<>();
    private volatile String marker = "";
    private volatile String retained = "";
    private boolean reconciled; // guarded by the runtime's connection lock

    /** @param topic the record's topic, or null when the agent does not keep one */
    MqttSessionFilters(MqttAsyncClient client, String topic) {
        this.client = client;
        this.topic = topic;
    }

    String topic() {
        return topic;
    }

    /** Takes a message of the record topic (true), or leaves it to the routes (false). */
    boolean accept(String arrivedOn, MqttMessage message) {
        if (topic == null || !topic.equals(arrivedOn)) {
            return false;
        }
        String payload = new String(message.getPayload(), StandardCharsets.UTF_8);
        if (message.isRetained()) {
            retained = payload;
        } else if (payload.equals(marker)) {
            reading.complete(retained);
        }
        return true;
    }

    /**
     * Before subscribing {@code filters}: on the first connection of this run, reads the previous run's filters
     * (only when the broker kept the session) and records the union of both.
     *
     * @return the filters to unsubscribe once {@code filters} are subscribed
     */
    Set<String> beforeSubscribe(boolean sessionPresent, Set<String> filters) {
        if (topic == null || reconciled) {
            return Set.of();
        }
        try {
            Set<String> previous = sessionPresent ? read() : Set.of();
            if (!previous.containsAll(filters)) {
                Set<String> union = new LinkedHashSet<>(previous);
                union.addAll(filters);
                write(union);
            }
            Set<String> stale = new LinkedHashSet<>(previous);
            stale.removeAll(filters);
            return stale;
        } catch (MqttException | TimeoutException | ExecutionException | RuntimeException e) {
            LOG.warn(
                    "Cannot read or write the record of the MQTT session's filters on {}: {}; filters removed from"
                            + " the configuration stay subscribed (allow this client to publish and subscribe there,"
                            + " or set MQTT_SESSION_RECORD_TOPIC=none)",
                    topic,
                    e.toString());
            reconciled = true;
            return Set.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Set.of();
        }
    }

    /** After subscribing {@code filters}: unsubscribes the stale ones and records {@code filters} alone. */
    void afterSubscribe(Set<String> stale, Set<String> filters) {
        if (topic == null || reconciled) {
            return;
        }
        if (!stale.isEmpty()) {
            try {
                client.unsubscribe(stale.toArray(String[]::new)).waitForCompletion(TIMEOUT.toMillis());
                LOG.info("Unsubscribed the MQTT session from filters no longer configured: {}", stale);
                write(filters);
            } catch (MqttException e) {
                LOG.warn(
                        "Cannot unsubscribe the MQTT session from {}: {}; retrying at the next start",
                        stale,
                        e.toString());
                return;
            }
        }
        reconciled = true;
    }

    private Set<String> read() throws MqttException, InterruptedException, ExecutionException, TimeoutException {
        reading = new CompletableFuture<>();
        retained = "";
        marker = "marker " + UUID.randomUUID();
        MqttSubscription subscription = new MqttSubscription(topic, 0);
        subscription.setRetainHandling(0); // the retained record on every subscribe
        IMqttToken subscribed =
                client.subscribe(new MqttSubscription[] {subscription}, null, null, new MqttProperties());
        subscribed.waitForCompletion(TIMEOUT.toMillis());
        int[] codes = subscribed.getReasonCodes();
        if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
            throw new IllegalStateException(
                    "the broker refused the subscription with reason code 0x" + Integer.toHexString(codes[0]));
        }
        try {
            client.publish(
                            topic,
                            new MqttMessage(marker.getBytes(StandardCharsets.UTF_8), 1, false, new MqttProperties()))
                    .waitForCompletion(TIMEOUT.toMillis());
            String value = reading.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Set<String> filters = new LinkedHashSet<>();
            Arrays.stream(value.split("\n")).filter(line -> !line.isBlank()).forEach(filters::add);
            return filters;
        } finally {
            client.unsubscribe(topic).waitForCompletion(TIMEOUT.toMillis());
        }
    }

    /** Records the filters (an empty set clears the record). */
    private void write(Set<String> filters) throws MqttException {
        byte[] payload = String.join("\n", filters).getBytes(StandardCharsets.UTF_8);
        client.publish(topic, new MqttMessage(payload, 1, true, new MqttProperties()))
                .waitForCompletion(TIMEOUT.toMillis());
    }
}
