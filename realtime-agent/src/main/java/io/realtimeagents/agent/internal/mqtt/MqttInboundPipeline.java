package io.realtimeagents.agent.internal.mqtt;

import io.realtimeagents.agent.internal.delivery.MessageDispatcher;
import io.realtimeagents.agent.internal.metrics.AgentMetrics;
import io.realtimeagents.agent.internal.mqtt.AckSequencer.Ticket;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MQTT runtime's inbound side: arriving messages are registered for in-order acknowledgement, routed by their
 * topic and queued on {@link MqttLanes}, where {@link MqttBatchWorker} hands them to their handlers or bridges them
 * to Kafka.
 */
final class MqttInboundPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(MqttRuntime.class);
    /** How often a stop looks whether the outputs of handled messages were acknowledged. */
    private static final Duration OUTPUTS_CHECK = Duration.ofMillis(10);

    private final MqttRoutes routes;
    private final MqttSession session;
    private final AgentMetrics metrics;
    private final MqttBatchWorker worker;
    private final MqttLanes<MqttInbound> lanes;

    /**
     * @param workers how many lanes handle messages in parallel
     * @param handlers where handled messages go: null parts when Kafka is disabled (then there are no routes)
     */
    MqttInboundPipeline(int workers, MqttRoutes routes, MqttSession session, Handlers handlers, AgentMetrics metrics) {
        this.routes = routes;
        this.session = session;
        this.metrics = metrics;
        this.worker = new MqttBatchWorker(
                session.sequencer(), handlers.dispatcher(), handlers.forwarder(), session.closing(), this::submit);
        this.lanes = new MqttLanes<>(workers, worker::process);
    }

    /**
     * Called by Paho's callback thread for each arriving message, in arrival order. A message that matches no route
     * goes to a lane too, to be dead-lettered there ({@code no_route}).
     */
    void arrived(String topic, MqttMessage message) {
        if (session.closing().isStopped()) {
            return; // not acknowledged: stays in the session for the next start
        }
        if (session.filters().accept(topic, message)) {
            return; // the record of the session's filters, read at start (QoS 0)
        }
        Ticket ticket = session.sequencer().register(message.getId(), message.getQos(), topic);
        MqttRoutes.Match route = routes.match(topic);
        metrics.consumed(
                "mqtt", route == null ? MqttInbound.NO_ROUTE : route.filter().text(), 1);
        submit(new MqttInbound(topic, message, route, ticket));
    }

    /** Queues a message on its lane: its topic's, or its bridge key's. */
    private void submit(MqttInbound inbound) {
        MqttRoutes.Match route = inbound.route();
        lanes.submit(route == null ? inbound.topic() : route.laneKey(inbound.topic()), inbound);
    }

    /** Messages queued on the lanes, not yet handled. */
    int backlog() {
        return lanes.backlog();
    }

    /**
     * Lets the running handlers finish (the caller stopped taking messages) and waits for their outputs to be
     * acknowledged, at most the timeout in all; messages not finished by then are redelivered on the next start.
     */
    void drain(Duration timeout) {
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            if (!lanes.stop(timeout)) {
                LOG.warn("MQTT handlers still running after {}; their messages will be redelivered", timeout);
                session.sequencer().connectionLost();
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
    }

    /**
     * Where handled messages go.
     *
     * @param dispatcher hands messages to their handlers, with retries and dead letters; null without Kafka
     * @param forwarder produces bridged messages to Kafka; null without Kafka
     */
    record Handlers(MessageDispatcher dispatcher, MqttBridgeForwarder forwarder) {}
}
