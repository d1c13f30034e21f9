package io.realtimeagents.agent.internal.mqtt;

import io.realtimeagents.agent.internal.delivery.MessageDispatcher;
import io.realtimeagents.agent.internal.delivery.StopSignal;
import io.realtimeagents.agent.internal.kafka.KafkaRuntime;
import io.realtimeagents.agent.internal.metrics.AgentMetrics;
import io.realtimeagents.agent.internal.transport.InboundTransport;
import io.realtimeagents.agent.internal.transport.TransportHealth;
import io.realtimeagents.common.ConfigurationException;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.common.config.Setting;
import io.realtimeagents.common.internal.handler.HandlerRegistry;
import io.realtimeagents.common.internal.handler.MessageDecoder;
import io.realtimeagents.common.mqtt.MqttSubscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An agent's MQTT side: one Paho client with a persistent session (clean start off, a session expiry), manual
 * acknowledgements sent in arrival order by {@link AckSequencer}, messages handled on {@link MqttLanes}, bridges
 * produced to Kafka, automatic reconnection with resubscription, and publishing. Its parts: {@link MqttConnection}
 * (connect, reconnect), {@link MqttInboundPipeline} (routing arriving messages to handlers and bridges), {@link
 * MqttPublisher} (outbound messages) and {@link MqttStatus} (readiness, health and status).
 */
public final class MqttRuntime implements InboundTransport {
    /** The {@code mqtt} object of {@code /realtime/status} when MQTT is not configured. */
    public static final Map<String, Object> OFF_STATUS = Map.of("enabled", false);
    /** The settings applied by reconnecting with the new credentials. */
    public static final Set<Setting<?>> RECONNECT_SETTINGS =
            Set.of(AgentSettings.MQTT_USER, AgentSettings.MQTT_PASSWORD);

    private static final Logger LOG = LoggerFactory.getLogger(MqttRuntime.class);

    private final AgentConfig config;
    private final StopSignal closing = new StopSignal();
    private final MqttConnection connection;
    private final MqttInboundPipeline pipeline;
    private final MqttPublisher publisher;
    private final MqttStatus status;
    private boolean drained; // guarded by this

    private MqttRuntime(
            AgentConfig config, MqttRoutes routes, MqttInboundPipeline.Handlers handlers, AgentMetrics metrics)
            throws MqttException {
        this.config = config;
        MqttAsyncClient client = MqttConnection.newClient(config);
        List<String> capped = routes.cappedFilters();
        if (!capped.isEmpty()) {
            LOG.info(
                    "MQTT {} asked for QoS 2: the agent receives them at QoS 1 and acknowledges each message after"
                            + " handling it, so a stop or crash redelivers it instead of losing it (at least once)",
                    capped);
        }
        AckSequencer sequencer = new AckSequencer(client::messageArrivedComplete);
        MqttSession session =
                new MqttSession(client, sequencer, new MqttSessionFilters(client, recordTopic(config)), closing);
        this.pipeline =
                new MqttInboundPipeline(config.get(AgentSettings.MQTT_WORKERS), routes, session, handlers, metrics);
        this.connection = new MqttConnection(config, routes, session, metrics);
        client.setCallback(new MqttEvents(pipeline, connection));
        this.publisher = new MqttPublisher(client);
        this.status = new MqttStatus(config, routes, sequencer, connection, pipeline);
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
            return new MqttRuntime(config, routes, new MqttInboundPipeline.Handlers(dispatcher, forwarder), metrics);
        } catch (MqttException e) {
            throw new ConfigurationException("Cannot create the MQTT client for " + MqttConnection.serverUri(config)
                    + " with client id " + config.mqttClientId() + ": " + e.getMessage() + "; check MQTT_HOST,"
                    + " MQTT_PORT and MQTT_CLIENT_ID");
        }
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

    @Override
    public String name() {
        return "mqtt";
    }

    /**
     * Connects and subscribes, waiting for the first attempt; when the broker cannot be reached, keeps trying in the
     * background (readiness stays false meanwhile).
     *
     * @throws IllegalStateException when the broker refuses a subscription
     */
    @Override
    public void start() {
        connection.start();
    }

    @Override
    public Set<Setting<?>> reconnectSettings() {
        return RECONNECT_SETTINGS;
    }

    /**
     * Reconnects when the user name or password changed: the acknowledgements of messages still being handled are
     * dropped (the broker redelivers those messages on the new connection, from the persistent session), the client
     * disconnects and connects again with the new credentials, and resubscribes. When the broker refuses them, the
     * agent keeps retrying in the background and readiness says why.
     */
    @Override
    public void applySettings(AgentConfig previous, AgentConfig next) {
        if (!Objects.equals(previous.get(AgentSettings.MQTT_USER), next.get(AgentSettings.MQTT_USER))
                || !Objects.equals(previous.get(AgentSettings.MQTT_PASSWORD), next.get(AgentSettings.MQTT_PASSWORD))) {
            connection.reconnectWith(next.get(AgentSettings.MQTT_USER), next.get(AgentSettings.MQTT_PASSWORD));
        }
    }

    /** Publishes a message; completes when the broker acknowledged it (QoS 1 and 2) or it was sent (QoS 0). */
    public CompletionStage<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
        return publisher.publish(topic, payload, qos, retained);
    }

    /** Whether the client is connected now. */
    public boolean isConnected() {
        return connection.isConnected();
    }

    /** The broker's URI, e.g. {@code tcp://broker:1883}. */
    public String serverUri() {
        return connection.serverUri();
    }

    /** Always up: a lost connection is reconnected by itself, and shows in readiness. */
    @Override
    public TransportHealth health() {
        return TransportHealth.UP;
    }

    /**
     * Why the MQTT side is not ready: not connected, or a message unacknowledged for longer than {@code
     * MQTT_MAX_UNACKED_AGE}.
     */
    @Override
    public List<String> readinessProblems() {
        return status.readyProblems();
    }

    /** The {@code mqtt} object of {@code /health}. */
    @Override
    public Map<String, Object> healthFragment() {
        return status.health();
    }

    /** The {@code mqtt} object of {@code /realtime/status}. */
    @Override
    public Map<String, Object> status() {
        return status.status();
    }

    /**
     * Stops taking messages, lets the running handlers finish and acknowledges them (waiting at most the timeout),
     * then disconnects cleanly. Unacknowledged messages stay in the broker's session for the next start.
     */
    @Override
    public synchronized void drainAndStop(Duration timeout) {
        if (drained) {
            return;
        }
        drained = true;
        closing.stop();
        pipeline.drain(timeout);
        connection.close();
    }

    /** Drains and stops (bounded by {@code SHUTDOWN_TIMEOUT}) if not done yet. */
    @Override
    public void close() {
        drainAndStop(config.shutdownTimeout());
    }
}
