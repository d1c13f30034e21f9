package io.realtimeagents.agent.internal.mqtt;

import io.realtimeagents.agent.internal.delivery.Backoff;
import io.realtimeagents.agent.internal.metrics.AgentMetrics;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MQTT runtime's connection: connects and subscribes, keeps trying in the background while the broker cannot be
 * reached, resubscribes after Paho reconnected, reconnects with rotated credentials, and disconnects.
 */
final class MqttConnection {
    private static final Logger LOG = LoggerFactory.getLogger(MqttRuntime.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final long QUIESCE_MILLIS = 2000;
    /**
     * Paho logs through java.util.logging, at INFO for every QoS 2 message it completes ("Creating MqttPubComp"),
     * straight to standard error: keep its warnings only. Held here because JUL keeps loggers weakly.
     */
    private static final java.util.logging.Logger PAHO_LOG = quietPaho();

    private final AgentConfig config;
    private final MqttRoutes routes;
    private final MqttSession session;
    private final MqttAsyncClient client;
    private final MqttConnectionOptions options;
    private final AgentMetrics metrics;
    private final String sharedGroup;
    private final AtomicLong reconnects = new AtomicLong();
    private volatile String lastError;

    MqttConnection(AgentConfig config, MqttRoutes routes, MqttSession session, AgentMetrics metrics) {
        this.config = config;
        this.routes = routes;
        this.session = session;
        this.client = session.client();
        this.options = MqttOptions.of(config);
        this.metrics = metrics;
        this.sharedGroup = config.mqttSharedGroup();
        metrics.mqttConnection(client::isConnected);
    }

    /** A client for the configured broker, with manual acknowledgements. */
    static MqttAsyncClient newClient(AgentConfig config) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(serverUri(config), config.mqttClientId(), new MemoryPersistence());
        client.setManualAcks(true);
        return client;
    }

    private static java.util.logging.Logger quietPaho() {
        java.util.logging.Logger paho = java.util.logging.Logger.getLogger("org.eclipse.paho.mqttv5.client");
        if (paho.getLevel() == null) {
            paho.setLevel(java.util.logging.Level.WARNING);
        }
        return paho;
    }

    /** The configured broker's URI, e.g. {@code tcp://broker:1883}. */
    static String serverUri(AgentConfig config) {
        String scheme = config.get(AgentSettings.MQTT_TLS) ? "ssl" : "tcp";
        return scheme + "://" + config.get(AgentSettings.MQTT_HOST) + ":" + config.get(AgentSettings.MQTT_PORT);
    }

    /**
     * Connects and subscribes, waiting for the first attempt; when the broker cannot be reached, keeps trying in the
     * background.
     */
    void start() {
        try {
            connectAndSubscribe();
        } catch (MqttException e) {
            lastError = e.toString();
            LOG.warn(
                    "Cannot connect to the MQTT broker {} as {}: {}; retrying in the background",
                    client.getServerURI(),
                    client.getClientId(),
                    e.toString());
            Thread.ofVirtual().name("realtime-mqtt-connect").start(this::connectUntilConnected);
        }
    }

    private void connectUntilConnected() {
        Duration backoff = config.get(AgentSettings.MQTT_RECONNECT_BACKOFF);
        Duration max = config.get(AgentSettings.MQTT_RECONNECT_BACKOFF_MAX);
        while (!session.closing().awaitStop(backoff)) {
            try {
                connectAndSubscribe();
                return;
            } catch (MqttException | RuntimeException e) {
                lastError = e.toString();
                LOG.warn("Cannot connect to the MQTT broker {}: {}", client.getServerURI(), e.toString());
            }
            backoff = Backoff.doubled(backoff, max);
        }
    }

    private synchronized void connectAndSubscribe() throws MqttException {
        if (session.closing().isStopped()) {
            return;
        }
        IMqttToken connected = client.connect(options);
        connected.waitForCompletion(CONNECT_TIMEOUT.toMillis());
        LOG.info(
                "Connected to MQTT broker {} as {} (session present: {})",
                client.getServerURI(),
                client.getClientId(),
                connected.getSessionPresent());
        Set<String> filters = routes.brokerFilters(sharedGroup).keySet();
        Set<String> stale = session.filters().beforeSubscribe(connected.getSessionPresent(), filters);
        IMqttToken subscribed = subscribe(null);
        if (subscribed != null) {
            subscribed.waitForCompletion(CONNECT_TIMEOUT.toMillis());
            checkGranted(subscribed);
        }
        session.filters().afterSubscribe(stale, filters);
        lastError = null;
    }

    /** Subscribes every route's filter; null when there is nothing to subscribe. */
    private IMqttToken subscribe(MqttActionListener listener) throws MqttException {
        Map<String, Integer> filters = routes.brokerFilters(sharedGroup);
        if (filters.isEmpty()) {
            return null;
        }
        List<org.eclipse.paho.mqttv5.common.MqttSubscription> subscriptions = new ArrayList<>();
        filters.forEach((filter, qos) -> {
            var subscription = new org.eclipse.paho.mqttv5.common.MqttSubscription(filter, qos);
            subscription.setRetainHandling(1); // retained messages only for a new subscription, not on resubscribe
            subscriptions.add(subscription);
        });
        return client.subscribe(
                subscriptions.toArray(org.eclipse.paho.mqttv5.common.MqttSubscription[]::new),
                null,
                listener,
                new MqttProperties());
    }

    private void checkGranted(IMqttToken token) {
        int[] codes = token.getReasonCodes();
        List<String> filters = new ArrayList<>(routes.brokerFilters(sharedGroup).keySet());
        for (int i = 0; codes != null && i < codes.length && i < filters.size(); i++) {
            if (codes[i] >= 0x80) {
                throw new IllegalStateException("The MQTT broker refused the subscription to " + filters.get(i)
                        + " with reason code 0x" + Integer.toHexString(codes[i])
                        + (codes[i] == 0x9E ? " (shared subscriptions not supported: set MQTT_SHARED_GROUP=none)" : "")
                        + (codes[i] == 0x87 ? " (not authorized: check MQTT_USER and the broker's ACLs)" : ""));
            }
        }
    }

    /** See {@link MqttRuntime#applySettings}. */
    void reconnectWith(String user, String password) {
        if (session.closing().isStopped()) {
            return;
        }
        synchronized (this) {
            options.setUserName(user);
            options.setPassword(password == null ? null : password.getBytes(StandardCharsets.UTF_8));
        }
        LOG.info("MQTT credentials changed: reconnecting to {} as {}", client.getServerURI(), user);
        try {
            if (client.isConnected()) {
                session.sequencer().connectionLost();
                client.disconnect(QUIESCE_MILLIS).waitForCompletion(CONNECT_TIMEOUT.toMillis());
            }
        } catch (MqttException e) {
            LOG.debug("MQTT disconnect before the credential change failed: {}", e.toString());
        }
        try {
            connectAndSubscribe();
            reconnects.incrementAndGet();
            metrics.mqttReconnected();
        } catch (MqttException e) {
            lastError = e.toString();
            LOG.warn(
                    "Cannot reconnect to {} with the new credentials: {}; retrying in the background",
                    client.getServerURI(),
                    e.toString());
            Thread.ofVirtual().name("realtime-mqtt-connect").start(this::connectUntilConnected);
        }
    }

    /** Paho lost the connection; it reconnects by itself. */
    void connectionLost(String reason) {
        session.sequencer().connectionLost();
        lastError = reason;
        if (!session.closing().isStopped()) {
            LOG.warn("Lost the connection to MQTT broker {}: {}; reconnecting", client.getServerURI(), reason);
        }
    }

    /** Paho reconnected: resubscribes. */
    void reconnected() {
        reconnects.incrementAndGet();
        metrics.mqttReconnected();
        lastError = null;
        LOG.info("Reconnected to MQTT broker {}; resubscribing", client.getServerURI());
        try {
            subscribe(new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    LOG.debug(
                            "Resubscribed to {}",
                            routes.brokerFilters(sharedGroup).keySet());
                }

                @Override
                public void onFailure(IMqttToken token, Throwable error) {
                    LOG.error("Could not resubscribe after reconnecting: {}", String.valueOf(error));
                }
            });
        } catch (MqttException e) {
            LOG.error("Could not resubscribe after reconnecting: {}", e.toString());
        }
    }

    /** Disconnects cleanly and closes the client. */
    void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(QUIESCE_MILLIS).waitForCompletion(CONNECT_TIMEOUT.toMillis());
            }
        } catch (MqttException e) {
            LOG.debug("MQTT disconnect failed: {}", e.toString());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("MQTT close failed: {}", e.toString());
        }
        LOG.info("Disconnected from MQTT broker {}", client.getServerURI());
    }

    boolean isConnected() {
        return client.isConnected();
    }

    String serverUri() {
        return client.getServerURI();
    }

    String clientId() {
        return client.getClientId();
    }

    String sharedGroup() {
        return sharedGroup;
    }

    long reconnects() {
        return reconnects.get();
    }

    /** The last connection error, or null since the last successful connect. */
    String lastError() {
        return lastError;
    }
}
