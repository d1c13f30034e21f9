package io.realtimeagents.agent.internal.mqtt;

import io.realtimeagents.agent.internal.delivery.StopSignal;
import java.time.Duration;
import java.util.ArrayDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends MQTT acknowledgements (PUBACK, PUBCOMP) in the order the messages arrived, as MQTT 5 requires
 * [MQTT-4.6.0-2], although lanes finish them in any order: a finished message is acknowledged once every message that
 * arrived before it on the same connection is finished too. Paho sends whatever {@code messageArrivedComplete} is
 * called with, at once, so the ordering is ours to keep.
 *
 * <p>Each connection is an epoch: when it is lost, its unacknowledged messages will be redelivered by the broker, so
 * their tickets are forgotten and the epoch's {@link StopSignal} stops their retries.
 */
final class AckSequencer {
    private static final Logger LOG = LoggerFactory.getLogger(AckSequencer.class);

    private final Acknowledger acknowledger;
    private final ArrayDeque<Ticket> pending = new ArrayDeque<>();
    private Epoch epoch = new Epoch(); // guarded by this

    AckSequencer(Acknowledger acknowledger) {
        this.acknowledger = acknowledger;
    }

    /** Registers a message that arrived on the current connection; QoS 0 needs no acknowledgement. */
    synchronized Ticket register(int messageId, int qos, String topic) {
        Ticket ticket = new Ticket(epoch, messageId, qos, topic);
        if (qos > 0) {
            pending.add(ticket);
        }
        return ticket;
    }

    /** Marks a message finished and acknowledges every finished message at the head of the arrival order. */
    synchronized void finished(Ticket ticket) {
        if (ticket.epoch != epoch || ticket.qos == 0) {
            return; // its connection is gone: the broker redelivers it
        }
        ticket.done = true;
        while (!pending.isEmpty() && pending.peek().done) {
            Ticket head = pending.poll();
            try {
                acknowledger.acknowledge(head.messageId, head.qos);
            } catch (Exception e) {
                LOG.debug("Could not acknowledge MQTT message {}: {}", head.messageId, e.toString());
            }
        }
    }

    /** The connection was lost: forgets its tickets and stops their retries. */
    synchronized void connectionLost() {
        epoch.stop.stop();
        epoch = new Epoch();
        pending.clear();
    }

    /** Messages received on this connection and not yet acknowledged. */
    synchronized int unacknowledged() {
        return pending.size();
    }

    /** The oldest message of this connection not yet acknowledged, or null. */
    synchronized Unacknowledged oldest() {
        Ticket head = pending.peek();
        return head == null
                ? null
                : new Unacknowledged(head.topic, head.messageId, Duration.ofNanos(System.nanoTime() - head.arrived));
    }

    /**
     * A message waiting for its acknowledgement.
     *
     * @param topic its MQTT topic
     * @param messageId its packet id
     * @param age how long ago it arrived
     */
    record Unacknowledged(String topic, int messageId, Duration age) {}

    /** Sends the acknowledgement of one message. */
    @FunctionalInterface
    interface Acknowledger {
        void acknowledge(int messageId, int qos) throws Exception;
    }

    /** One connection's lifetime. */
    static final class Epoch {
        final StopSignal stop = new StopSignal();
    }

    /** A received message's place in the acknowledgement order. */
    static final class Ticket {
        private final Epoch epoch;
        private final int messageId;
        private final int qos;
        private final String topic;
        private final long arrived = System.nanoTime();
        private boolean done; // guarded by the sequencer

        private Ticket(Epoch epoch, int messageId, int qos, String topic) {
            this.epoch = epoch;
            this.messageId = messageId;
            this.qos = qos;
            this.topic = topic;
        }

        /** Stops when the message's connection is lost: it will be redelivered, so work on it may end. */
        StopSignal stop() {
            return epoch.stop;
        }
    }
}
