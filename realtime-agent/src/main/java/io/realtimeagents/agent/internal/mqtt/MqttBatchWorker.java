package io.realtimeagents.agent.internal.mqtt;

import io.realtimeagents.agent.DeadLetterHeaders;
import io.realtimeagents.agent.internal.delivery.MessageDispatcher;
import io.realtimeagents.agent.internal.delivery.MessageDispatcher.Retry;
import io.realtimeagents.agent.internal.delivery.Outcome;
import io.realtimeagents.agent.internal.delivery.StopSignal;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work of a lane: takes its batch in order, runs of bridged messages together (pipelined produces), handled
 * messages one by one (acknowledged once their handler's outputs are), and messages without a route to the
 * dead-letter topic ({@code no_route}). Every message ends
 * acknowledged: an unexpected error while working on one hands it to the failure strategy ({@code internal_error})
 * and the lane goes on. Only a lost connection, the agent's stop or the fail-stop strategy leaves messages
 * unacknowledged, for the broker to deliver again.
 */
final class MqttBatchWorker {
    private static final Logger LOG = LoggerFactory.getLogger(MqttBatchWorker.class);
    private static final int UNROUTED_LOG_EVERY = 1000;

    private final AckSequencer sequencer;
    private final MessageDispatcher dispatcher;
    private final MqttBridgeForwarder forwarder;
    private final StopSignal closing;
    private final Consumer<MqttInbound> resubmit;
    private final AtomicLong unrouted = new AtomicLong();
    private final AtomicInteger awaitingOutputs = new AtomicInteger();

    /**
     * @param resubmit queues a message on its lane again: to handle it again when its outputs failed
     */
    MqttBatchWorker(
            AckSequencer sequencer,
            MessageDispatcher dispatcher,
            MqttBridgeForwarder forwarder,
            StopSignal closing,
            Consumer<MqttInbound> resubmit) {
        this.sequencer = sequencer;
        this.dispatcher = dispatcher;
        this.forwarder = forwarder;
        this.closing = closing;
        this.resubmit = resubmit;
    }

    /** Handled messages whose outputs are still on their way, so not yet acknowledged. */
    int awaitingOutputs() {
        return awaitingOutputs.get();
    }

    /** What a message is for. */
    private enum Kind {
        BRIDGED,
        HANDLED,
        UNROUTED
    }

    private static Kind kind(MqttInbound message) {
        if (message.route() == null) {
            return Kind.UNROUTED;
        }
        return message.route().bridge() != null ? Kind.BRIDGED : Kind.HANDLED;
    }

    /** Works through a lane's batch in order, in runs of one connection and one kind. */
    void process(List<MqttInbound> batch) {
        int i = 0;
        while (i < batch.size()) {
            MqttInbound first = batch.get(i);
            StopSignal stop = first.ticket().stop();
            Kind kind = kind(first);
            int end = i + 1;
            while (end < batch.size() && batch.get(end).ticket().stop() == stop && kind(batch.get(end)) == kind) {
                end++;
            }
            if (!stop.isStopped()) {
                // False means the connection was lost: the broker redelivers the rest, so the run just ends.
                process(batch.subList(i, end), kind, stop);
            }
            i = end;
        }
    }

    /** Processes messages of one connection and one kind; false when stopped before all were done. */
    private boolean process(List<MqttInbound> run, Kind kind, StopSignal stop) {
        if (kind == Kind.BRIDGED) {
            return bridge(run, stop);
        }
        for (MqttInbound inbound : run) {
            if (closing.isStopped()) {
                return false; // stopping: messages not started yet stay unacknowledged and come back
            }
            if (kind == Kind.HANDLED) {
                if (!handle(inbound, stop)) {
                    return false;
                }
            } else if (noRoute(inbound, stop)) {
                sequencer.finished(inbound.ticket());
            } else {
                return false;
            }
        }
        return true;
    }

    private boolean bridge(List<MqttInbound> run, StopSignal stop) {
        int[] finished = {0};
        try {
            return forwarder.forward(run, stop, done -> {
                finished[0]++;
                sequencer.finished(done.ticket());
            });
        } catch (Throwable e) {
            for (MqttInbound inbound : run.subList(finished[0], run.size())) {
                if (!internalError(inbound, e, stop)) {
                    return false;
                }
                sequencer.finished(inbound.ticket());
            }
            return true;
        }
    }

    /**
     * Handles a message, or handles it again when its outputs failed after its handler returned; it is acknowledged
     * once its outputs were. False when stopped first.
     */
    private boolean handle(MqttInbound inbound, StopSignal stop) {
        Outcome outcome;
        try {
            outcome = dispatch(inbound, stop);
        } catch (Throwable e) {
            if (!internalError(inbound, e, stop)) {
                return false;
            }
            sequencer.finished(inbound.ticket());
            return true;
        }
        if (!outcome.finished()) {
            return false;
        }
        acknowledgeWithOutputs(inbound, outcome);
        return true;
    }

    private Outcome dispatch(MqttInbound inbound, StopSignal stop) {
        MqttInbound.FailedOutputs failed = inbound.takeFailedOutputs();
        int firstAttempt = 1;
        if (failed != null) {
            Outcome previous = failed.outcome();
            Retry retry = dispatcher.afterOutputFailure(inbound, previous, failed.error(), stop);
            if (retry != Retry.AGAIN) {
                return Outcome.of(retry == Retry.SETTLED);
            }
            firstAttempt = previous.attempt() + 1;
        }
        return dispatcher.dispatch(
                inbound,
                (type, attempt, handling) -> new MqttMessageContext(inbound, type, attempt, handling),
                stop,
                firstAttempt);
    }

    /** Acknowledges the message once its outputs completed; queues it to be handled again when one failed. */
    private void acknowledgeWithOutputs(MqttInbound inbound, Outcome outcome) {
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
                resubmit.accept(inbound);
            }
        });
    }

    private boolean noRoute(MqttInbound inbound, StopSignal stop) {
        String reason = "No MQTT subscription or bridge of this agent matches topic " + inbound.topic()
                + ": the broker delivered it for a filter of the session that is no longer configured";
        long count = unrouted.incrementAndGet();
        if (count == 1 || count % UNROUTED_LOG_EVERY == 0) { // a stale filter's backlog must not flood the log
            LOG.warn("Dead-lettering {} (unrouted message {} of this run): {}", inbound.describe(), count, reason);
        } else {
            LOG.debug("Dead-lettering {}: {}", inbound.describe(), reason);
        }
        if (dispatcher == null) {
            return true; // without Kafka there is no dead-letter topic: acknowledged and dropped, as logged
        }
        return dispatcher.deadLetter(
                inbound, null, DeadLetterHeaders.REASON_NO_ROUTE, new IllegalStateException(reason), 0, stop);
    }

    private boolean internalError(MqttInbound inbound, Throwable error, StopSignal stop) {
        LOG.error("Giving up on {} after an unexpected error", inbound.describe(), error);
        return dispatcher.fail(inbound, null, DeadLetterHeaders.REASON_INTERNAL, error, 1, stop);
    }
}
