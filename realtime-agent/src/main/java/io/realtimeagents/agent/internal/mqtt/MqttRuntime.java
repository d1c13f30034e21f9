package io.realtimeagents.agent.internal.mqtt;

import io.realtimeagents.agent.internal.delivery.Backoff;
import io.realtimeagents.agent.internal.delivery.MessageDispatcher;
import io.realtimeagents.agent.internal.delivery.MessageDispatcher.Retry;
import io.realtimeagents.agent.internal.delivery.Outcome;
import io.realtimeagents.agent.internal.delivery.StopSignal;
import io.realtimeagents.agent.internal.kafka.KafkaRuntime;
import io.realtimeagents.agent.internal.metrics.AgentMetrics;
import io.realtimeagents.agent.internal.mqtt.AckSequencer.Ticket;
import io.realtimeagents.common.ConfigurationException;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.common.handler.HandlerRegistry;
import io.realtimeagents.common.handler.MessageDecoder;
import io.realtimeagents.common.mqtt.MqttSubscription;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
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
    private final AtomicInteger awaitingOutputs = new AtomicInteger();
    private final MqttLanes<MqttInbound> lanes;
    private final MessageDispatcher dispatcher;
    private final MqttBridgeForwarder forwarder;
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
        this.lanes = new MqttLanes<>(config.get(AgentSettings.MQTT_WORKERS), this::process);
        this.dispatcher = parts.dispatcher();
        this.forwarder = parts.forwarder();
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
            forwarder = new MqttBridgeForwarder(kafka.sender(), routes, metrics);
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
        IMqttToken subscribed = subscribe(null);
        if (subscribed != null) {
            subscribed.waitForCompletion(CONNECT_TIMEOUT.toMillis());
            checkGranted(subscribed);
        }
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

    /** Called by Paho's callback thread for each arriving message, in arrival order. */
    void arrived(String topic, MqttMessage message) {
        if (closing.isStopped()) {
            return; // not acknowledged: stays in the session for the next start
        }
        Ticket ticket = sequencer.register(message.getId(), message.getQos());
        MqttRoutes.Match route = routes.match(topic);
        if (route == null) {
            LOG.warn("Acknowledging and dropping a message on {}: no subscription or bridge matches it", topic);
            sequencer.finished(ticket);
            return;
        }
        metrics.consumed("mqtt", route.filter().text(), 1);
        MqttInbound inbound = new MqttInbound(topic, message, route, ticket);
        lanes.submit(route.laneKey(topic), inbound);
    }

    /** Works through a lane's batch in order: runs of bridged messages together, handled messages one by one. */
    private void process(List<MqttInbound> batch) {
        int i = 0;
        while (i < batch.size()) {
            MqttInbound first = batch.get(i);
            StopSignal stop = first.ticket().stop();
            int end = i + 1;
            while (end < batch.size()
                    && batch.get(end).ticket().stop() == stop
                    && (batch.get(end).route().bridge() != null)
                            == (first.route().bridge() != null)) {
                end++;
            }
            if (!stop.isStopped()) {
                // False means the connection was lost: the broker redelivers the rest, so the run just ends.
                process(batch.subList(i, end), stop);
            }
            i = end;
        }
    }

    /** Processes messages of one connection and one kind; false when stopped before all were done. */
    private boolean process(List<MqttInbound> run, StopSignal stop) {
        if (run.get(0).route().bridge() != null) {
            return forwarder.forward(run, stop, done -> sequencer.finished(done.ticket()));
        }
        for (MqttInbound inbound : run) {
            if (closing.isStopped()) {
                return false; // stopping: messages not started yet stay unacknowledged and come back
            }
            if (!handle(inbound, stop)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Handles one message, or handles it again after its outputs failed; it is acknowledged once its outputs were
     * acknowledged. False when stopped first.
     */
    private boolean handle(MqttInbound inbound, StopSignal stop) {
        MqttInbound.FailedOutputs failed = inbound.takeFailedOutputs();
        int firstAttempt = 1;
        if (failed != null) {
            Retry retry = dispatcher.afterFailure(
                    inbound,
                    failed.outcome().messageType(),
                    failed.error(),
                    failed.outcome().attempt(),
                    stop);
            if (retry != Retry.AGAIN) {
                if (retry == Retry.DEAD_LETTERED) {
                    sequencer.finished(inbound.ticket());
                }
                return retry == Retry.DEAD_LETTERED;
            }
            firstAttempt = failed.outcome().attempt() + 1;
        }
        Outcome outcome = dispatcher.dispatch(
                inbound,
                (type, attempt, handling) -> new MqttMessageContext(inbound, type, attempt, handling),
                stop,
                firstAttempt);
        if (!outcome.finished()) {
            return false;
        }
        boolean pending = !outcome.outputs().isDone();
        if (pending) {
            awaitingOutputs.incrementAndGet();
        }
        outcome.outputs().whenComplete((ignored, error) -> {
            if (pending) {
                awaitingOutputs.decrementAndGet();
            }
            if (error == null) {
                sequencer.finished(inbound.ticket());
            } else if (!inbound.ticket().stop().isStopped()) {
                // Handled again on its lane, after the messages queued there meanwhile; acknowledgements keep the
                // arrival order, so none after it is acknowledged before it is done.
                inbound.failedOutputs(outcome, outcome.outputFailure());
                lanes.submit(inbound.route().laneKey(inbound.topic()), inbound);
            }
        });
        return true;
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
            while (awaitingOutputs.get() > 0 && System.nanoTime() - deadline < 0) {
                LockSupport.parkNanos(OUTPUTS_CHECK.toNanos());
            }
            if (awaitingOutputs.get() > 0) {
                LOG.warn(
                        "Outputs of {} handled MQTT message(s) were not acknowledged within {}; those messages will be"
                                + " redelivered",
                        awaitingOutputs.get(),
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
