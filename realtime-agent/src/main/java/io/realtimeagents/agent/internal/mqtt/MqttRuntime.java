package io.realtimeagents.agent.internal.mqtt;

import io.realtimeagents.agent.internal.delivery.Backoff;
import io.realtimeagents.agent.internal.delivery.MessageDispatcher;
import io.realtimeagents.agent.internal.delivery.StopSignal;
import io.realtimeagents.agent.internal.kafka.KafkaRuntime;
import io.realtimeagents.agent.internal.metrics.AgentMetrics;
import io.realtimeagents.agent.internal.mqtt.AckSequencer.Ticket;
import io.realtimeagents.common.ConfigurationException;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.common.internal.handler.HandlerRegistry;
import io.realtimeagents.common.internal.handler.MessageDecoder;
import io.realtimeagents.common.mqtt.MqttSubscription;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An agent's MQTT side: one Paho client with a persistent session (clean start off, a session expiry), manual
 * acknowledgements sent in arrival order by {@link AckSequencer}, messages handled on {@link MqttLanes}, bridges
 * produced to Kafka, automatic reconnection with resubscription, and publishing.
 */
public final class MqttRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MqttRuntime.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final long QUIESCE_MILLIS = 2000;
    /**
     * Paho logs through java.util.logging, at INFO for every QoS 2 message it completes ("Creating MqttPubComp"),
     * straight to standard error: keep its warnings only. Held here because JUL keeps loggers weakly.
     */
    private static final java.util.logging.Logger PAHO_LOG = quietPaho();
    /** How often a stop looks whether the outputs of handled messages were acknowledged. */
    private static final Duration OUTPUTS_CHECK = Duration.ofMillis(10);

    private final AgentConfig config;
    private final MqttRoutes routes;
    private final AgentMetrics metrics;
    private final MqttAsyncClient client;
    private final MqttConnectionOptions options;
    private final AckSequencer sequencer;
    private final MqttBatchWorker worker;
    private final MqttLanes<MqttInbound> lanes;
    private final MqttSessionFilters sessionFilters;
    private final String sharedGroup;
    private final StopSignal closing = new StopSignal();
    private final AtomicLong reconnects = new AtomicLong();
    private volatile String lastError;

    private MqttRuntime(AgentConfig config, MqttRoutes routes, MqttClientParts parts, AgentMetrics metrics)
            throws MqttException {
        this.config = config;
        this.routes = routes;
        this.metrics = metrics;
        this.sharedGroup = config.mqttSharedGroup();
        this.options = MqttOptions.of(config);
        this.client = new MqttAsyncClient(serverUri(config), config.mqttClientId(), new MemoryPersistence());
        List<String> capped = routes.cappedFilters();
        if (!capped.isEmpty()) {
            LOG.info(
                    "MQTT {} asked for QoS 2: the agent receives them at QoS 1 and acknowledges each message after"
                            + " handling it, so a stop or crash redelivers it instead of losing it (at least once)",
                    capped);
        }
        client.setManualAcks(true);
        this.sequencer = new AckSequencer(client::messageArrivedComplete);
        this.worker = new MqttBatchWorker(sequencer, parts.dispatcher(), parts.forwarder(), closing, this::submit);
        this.lanes = new MqttLanes<>(config.get(AgentSettings.MQTT_WORKERS), worker::process);
        this.sessionFilters = new MqttSessionFilters(client, recordTopic(config));
        client.setCallback(new MqttEvents(this));
        metrics.mqttConnection(client::isConnected);
    }

    /**
     * Creates the client for the configured broker, with the configured subscriptions and bridges plus those
     * registered in code.
     *
     * @param kafka the agent's Kafka side (dead letters, bridges); null when Kafka is disabled
     * @throws ConfigurationException when MQTT is misconfigured, naming the setting
     */
    public static MqttRuntime create(
            AgentConfig config,
            List<MqttSubscription> codeSubscriptions,
            HandlerRegistry registry,
            KafkaRuntime kafka,
            AgentMetrics metrics) {
        List<MqttSubscription> subscriptions = new ArrayList<>(config.mqttSubscriptions());
        subscriptions.addAll(codeSubscriptions);
        MqttRoutes routes = new MqttRoutes(config.mqttBridges(), subscriptions);
        check(config, routes, kafka);
        MessageDispatcher dispatcher = null;
        MqttBridgeForwarder forwarder = null;
        if (kafka != null) {
            MessageDecoder decoder = new MessageDecoder(
                    registry, routes::typeOf, topic -> "MQTT_SUBSCRIPTIONS=<filter>=<type> for topic " + topic);
            String deadLetters = config.get(AgentSettings.MQTT_DEAD_LETTER_TOPIC);
            dispatcher = new MessageDispatcher(kafka.dispatcherParts(config, registry, decoder, topic -> deadLetters));
            forwarder = new MqttBridgeForwarder(
                    kafka.sender(),
                    routes,
                    metrics,
                    new MqttBridgeForwarder.Failures(config.retryPolicy(), dispatcher));
        }
        try {
            return new MqttRuntime(config, routes, new MqttClientParts(dispatcher, forwarder), metrics);
        } catch (MqttException e) {
            throw new ConfigurationException("Cannot create the MQTT client for " + serverUri(config) + " with client"
                    + " id " + config.mqttClientId() + ": " + e.getMessage() + "; check MQTT_HOST, MQTT_PORT and"
                    + " MQTT_CLIENT_ID");
        }
    }

    private static java.util.logging.Logger quietPaho() {
        java.util.logging.Logger paho = java.util.logging.Logger.getLogger("org.eclipse.paho.mqttv5.client");
        if (paho.getLevel() == null) {
            paho.setLevel(java.util.logging.Level.WARNING);
        }
        return paho;
    }

    private static void check(AgentConfig config, MqttRoutes routes, KafkaRuntime kafka) {
        if (config.get(AgentSettings.MQTT_HOST) == null) {
            throw new ConfigurationException("Missing configuration " + AgentSettings.MQTT_HOST.env() + " (property "
                    + AgentSettings.MQTT_HOST.property() + "): the agent subscribes to MQTT topics "
                    + routes.subscriptions() + ", so name the MQTT broker's host");
        }
        if (kafka == null && !routes.isEmpty()) {
            throw new ConfigurationException("MQTT subscriptions and bridges need Kafka for bridged records and dead"
                    + " letters, but REALTIME_ENABLED is false: enable it, or remove MQTT_SUBSCRIPTIONS, MQTT_BRIDGES"
                    + " and subscribeMqtt(...) calls");
        }
    }

    /** The topic of the session's record of filters, or null when off. */
    private static String recordTopic(AgentConfig config) {
        String topic = config.get(AgentSettings.MQTT_SESSION_RECORD_TOPIC);
        return topic == null || topic.equals("none") ? null : topic.replace("{client_id}", config.mqttClientId());
    }

    private static String serverUri(AgentConfig config) {
        String scheme = config.get(AgentSettings.MQTT_TLS) ? "ssl" : "tcp";
        return scheme + "://" + config.get(AgentSettings.MQTT_HOST) + ":" + config.get(AgentSettings.MQTT_PORT);
    }

    /**
     * Connects and subscribes, waiting for the first attempt; when the broker cannot be reached, keeps trying in the
     * background (readiness stays false meanwhile).
     *
     * @throws IllegalStateException when the broker refuses a subscription
     */
    public void start() {
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
        while (!closing.awaitStop(backoff)) {
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
        if (closing.isStopped()) {
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
        Set<String> stale = sessionFilters.beforeSubscribe(connected.getSessionPresent(), filters);
        IMqttToken subscribed = subscribe(null);
        if (subscribed != null) {
            subscribed.waitForCompletion(CONNECT_TIMEOUT.toMillis());
            checkGranted(subscribed);
        }
        sessionFilters.afterSubscribe(stale, filters);
        lastError = null;
    }

    /** Subscribes every route's filter; null when there is nothing to subscribe. */
    IMqttToken subscribe(MqttActionListener listener) throws MqttException {
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

    /**
     * Called by Paho's callback thread for each arriving message, in arrival order. A message that matches no route
     * goes to a lane too, to be dead-lettered there ({@code no_route}).
     */
    void arrived(String topic, MqttMessage message) {
        if (closing.isStopped()) {
            return; // not acknowledged: stays in the session for the next start
        }
        if (sessionFilters.accept(topic, message)) {
            return; // the record of the session's filters, read at start (QoS 0)
        }
        Ticket ticket = sequencer.register(message.getId(), message.getQos(), topic);
        MqttRoutes.Match route = routes.match(topic);
        metrics.consumed(
                "mqtt", route == null ? MqttInbound.NO_ROUTE : route.filter().text(), 1);
        MqttInbound inbound = new MqttInbound(topic, message, route, ticket);
        submit(inbound);
    }

    /** Queues a message on its lane: its topic's, or its bridge key's. */
    private void submit(MqttInbound inbound) {
        MqttRoutes.Match route = inbound.route();
        lanes.submit(route == null ? inbound.topic() : route.laneKey(inbound.topic()), inbound);
    }

    /**
     * Reconnects with rotated credentials: the acknowledgements of messages still being handled are dropped (the
     * broker redelivers those messages on the new connection, from the persistent session), the client disconnects
     * and connects again with the new user name and password, and resubscribes. When the broker refuses them, the
     * agent keeps retrying in the background and readiness says why.
     */
    public void reconnectWith(String user, String password) {
        if (closing.isStopped()) {
            return;
        }
        synchronized (this) {
            options.setUserName(user);
            options.setPassword(password == null ? null : password.getBytes(StandardCharsets.UTF_8));
        }
        LOG.info("MQTT credentials changed: reconnecting to {} as {}", client.getServerURI(), user);
        try {
            if (client.isConnected()) {
                sequencer.connectionLost();
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

    void connectionLost(String reason) {
        sequencer.connectionLost();
        lastError = reason;
        if (!closing.isStopped()) {
            LOG.warn("Lost the connection to MQTT broker {}: {}; reconnecting", client.getServerURI(), reason);
        }
    }

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

    /** Publishes a message; completes when the broker acknowledged it (QoS 1 and 2) or it was sent (QoS 0). */
    public CompletionStage<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
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

    /** Whether the client is connected now. */
    public boolean isConnected() {
        return client.isConnected();
    }

    /**
     * Why the MQTT side is not ready: not connected, or a message unacknowledged for longer than {@code
     * MQTT_MAX_UNACKED_AGE} (its handler, retries, dead letter or bridge produce is stuck, and in-order
     * acknowledgement holds back every message after it).
     */
    public List<String> readyProblems() {
        List<String> problems = new ArrayList<>();
        if (!isConnected()) {
            problems.add(
                    "not connected to the MQTT broker " + serverUri() + (lastError == null ? "" : ": " + lastError));
        }
        AckSequencer.Unacknowledged oldest = sequencer.oldest();
        Duration limit = config.get(AgentSettings.MQTT_MAX_UNACKED_AGE);
        if (oldest != null && oldest.age().compareTo(limit) > 0) {
            problems.add("the MQTT intake has not acknowledged the message on " + oldest.topic() + " (id "
                    + oldest.messageId() + ") for "
                    + String.format(java.util.Locale.ROOT, "%.1f", oldest.age().toMillis() / 1000.0)
                    + " s, longer than "
                    + AgentSettings.MQTT_MAX_UNACKED_AGE.env() + "=" + text(limit) + ": its handler, retry or"
                    + " bridge is stuck; " + sequencer.unacknowledged() + " message(s) wait behind it");
        }
        return problems;
    }

    private static String text(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }

    /** The broker's URI, e.g. {@code tcp://broker:1883}. */
    public String serverUri() {
        return client.getServerURI();
    }

    /** The {@code mqtt} object of {@code /health}. */
    public Map<String, Object> health() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("enabled", true);
        body.put("connected", isConnected());
        body.put("broker", serverUri());
        body.put("client_id", client.getClientId());
        body.put("reconnects", reconnects.get());
        return body;
    }

    /** The {@code mqtt} object of {@code /realtime/status}. */
    public Map<String, Object> status() {
        Map<String, Object> body = health();
        body.put("last_error", lastError);
        body.put("shared_group", sharedGroup);
        body.put(
                "session_expiry_seconds",
                config.get(AgentSettings.MQTT_SESSION_EXPIRY).toSeconds());
        body.put(
                "subscriptions",
                routes.subscriptions().stream().map(MqttRuntime::describe).toList());
        body.put("bridges", routes.bridges().stream().map(MqttRuntime::describe).toList());
        body.put("unacknowledged", sequencer.unacknowledged());
        AckSequencer.Unacknowledged oldest = sequencer.oldest();
        body.put("oldest_unacknowledged_ms", oldest == null ? 0 : oldest.age().toMillis());
        body.put("backlog", lanes.backlog());
        return body;
    }

    private static Map<String, Object> describe(MqttSubscription subscription) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("filter", subscription.filter().text());
        body.put("broker_filter", subscription.filter().brokerFilter());
        body.put("message_type", subscription.messageType());
        body.put("qos", subscription.qos());
        return body;
    }

    private static Map<String, Object> describe(io.realtimeagents.common.mqtt.MqttBridge bridge) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("filter", bridge.filter().text());
        body.put("broker_filter", bridge.filter().brokerFilter());
        body.put("kafka_topic", bridge.kafkaTopic());
        body.put("key", bridge.keyVariable());
        body.put("qos", bridge.qos());
        return body;
    }

    /**
     * Stops taking messages, lets the running handlers finish and acknowledges them (waiting at most the timeout),
     * then disconnects cleanly. Unacknowledged messages stay in the broker's session for the next start.
     */
    @Override
    public void close() {
        closing.stop();
        Duration timeout = config.shutdownTimeout();
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            if (!lanes.stop(timeout)) {
                LOG.warn("MQTT handlers still running after {}; their messages will be redelivered", timeout);
                sequencer.connectionLost();
            }
            // Handled messages are acknowledged once their outputs are: wait for those still on their way.
            while (worker.awaitingOutputs() > 0 && System.nanoTime() - deadline < 0) {
                LockSupport.parkNanos(OUTPUTS_CHECK.toNanos());
            }
            if (worker.awaitingOutputs() > 0) {
                LOG.warn(
                        "Outputs of {} handled MQTT message(s) were not acknowledged within {}; those messages will be"
                                + " redelivered",
                        worker.awaitingOutputs(),
                        timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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

    private record MqttClientParts(MessageDispatcher dispatcher, MqttBridgeForwarder forwarder) {}
}
