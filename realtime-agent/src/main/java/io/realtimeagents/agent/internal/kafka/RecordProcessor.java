package io.realtimeagents.agent.internal.kafka;

import io.realtimeagents.agent.DeadLetterHeaders;
import io.realtimeagents.agent.internal.delivery.HandlingSubject;
import io.realtimeagents.agent.internal.delivery.MessageDispatcher;
import io.realtimeagents.agent.internal.delivery.MessageDispatcher.Contexts;
import io.realtimeagents.agent.internal.delivery.MessageDispatcher.Retry;
import io.realtimeagents.agent.internal.delivery.Outcome;
import io.realtimeagents.agent.internal.delivery.Propagation;
import io.realtimeagents.agent.internal.delivery.StopSignal;
import io.realtimeagents.agent.internal.metrics.AgentMetrics;
import io.realtimeagents.agent.internal.metrics.AgentMetrics.MessageMeters;
import io.realtimeagents.common.PayloadDecodingException;
import io.realtimeagents.common.handler.EventHandler;
import io.realtimeagents.common.handler.RetryPolicy;
import io.realtimeagents.common.internal.handler.HandlerRegistry;
import io.realtimeagents.common.json.Json;
import io.realtimeagents.common.model.RealtimeEvent;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one record through decoding, its handler(s), retries with backoff and, when everything failed, the
 * dead-letter topic; message records go through the shared {@link MessageDispatcher}. Thread-safe: partition workers
 * share one processor.
 */
final class RecordProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(RecordProcessor.class);
    private static final String EVENT_DECODE_TYPE = "realtime_event";

    private final HandlerRegistry registry;
    private final MessageDispatcher dispatcher;
    private final String eventsTopic;
    private final AgentMetrics metrics;

    RecordProcessor(HandlerRegistry registry, MessageDispatcher dispatcher, String eventsTopic, AgentMetrics metrics) {
        this.registry = registry;
        this.dispatcher = dispatcher;
        this.eventsTopic = eventsTopic;
        this.metrics = metrics;
    }

    /**
     * Processes one record.
     *
     * @param firstAttempt 1, or the attempt to make when an earlier attempt's outputs failed after it returned
     * @return finished when the agent is done with the record (handled, skipped or dead-lettered), with the outputs
     *     still on their way; stopped when stopped first, so the record must be delivered again
     */
    Outcome process(ConsumerRecord<byte[], byte[]> record, int firstAttempt, StopSignal stop) {
        KafkaInbound inbound = new KafkaInbound(record);
        Contexts contexts = (type, attempt, handling) -> new KafkaRecordContext(record, type, attempt, handling);
        return record.topic().equals(eventsTopic)
                ? processEvent(inbound, contexts, stop, firstAttempt)
                : dispatcher.dispatch(inbound, contexts, stop, firstAttempt);
    }

    /**
     * Processes one record like {@link #process}, and retries it after an unexpected error outside the handler (a
     * defect, a stack overflow) with the backoff of the retry policy; when no retry is left the record is dead-lettered
     * with reason {@code internal_error}. The JVM running out of memory is not retried: it is thrown.
     *
     * @return as {@link #process}; finished too when the record was settled after internal errors
     */
    Outcome processGuarded(ConsumerRecord<byte[], byte[]> record, int firstAttempt, StopSignal stop) {
        for (int attempt = 1; ; attempt++) {
            try {
                return process(record, firstAttempt, stop);
            } catch (OutOfMemoryError e) {
                throw e;
            } catch (Throwable e) {
                Retry retry = afterInternalError(record, e, attempt, stop);
                if (retry != Retry.AGAIN) {
                    return Outcome.of(retry == Retry.SETTLED);
                }
            }
        }
    }

    /**
     * After the outputs of a handled record failed: waits out the backoff when retries are left (then the record is
     * processed again with the next attempt), else dead-letters it with reason {@code output_failed}.
     */
    Retry afterOutputFailure(ConsumerRecord<byte[], byte[]> record, Outcome handled, Throwable error, StopSignal stop) {
        return dispatcher.afterOutputFailure(new KafkaInbound(record), handled, error, stop);
    }

    /**
     * After an unexpected error outside the handler: waits out the backoff when retries are left, else dead-letters
     * the record with reason {@code internal_error}, retrying that until it is stored.
     */
    private Retry afterInternalError(
            ConsumerRecord<byte[], byte[]> record, Throwable error, int attempt, StopSignal stop) {
        RetryPolicy retries = dispatcher.retryPolicy();
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        if (retries.shouldRetry(attempt)) {
            LOG.error("Unexpected error processing record {} (attempt {}); retrying", where, attempt, error);
            return stop.awaitStop(retries.backoffAfter(attempt)) ? Retry.STOPPED : Retry.AGAIN;
        }
        LOG.error("Giving up on record {} after an unexpected error on {} attempt(s)", where, attempt, error);
        while (true) {
            try {
                boolean settled = dispatcher.fail(
                        new KafkaInbound(record), null, DeadLetterHeaders.REASON_INTERNAL, error, attempt, stop);
                return settled ? Retry.SETTLED : Retry.STOPPED;
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                LOG.error("Cannot dead-letter record {}; retrying", where, e);
                if (stop.awaitStop(retries.backoffAfter(attempt))) {
                    return Retry.STOPPED;
                }
            }
        }
    }

    private Outcome processEvent(KafkaInbound inbound, Contexts contexts, StopSignal stop, int firstAttempt) {
        RealtimeEvent event;
        try {
            event = Json.decode(inbound.value(), RealtimeEvent.class);
            if (event == null || event.eventType() == null) {
                throw new PayloadDecodingException("The event has no event_type");
            }
        } catch (RuntimeException e) {
            LOG.warn("Undecodable event {}: {}", inbound.describe(), e.getMessage());
            return Outcome.of(dispatcher.fail(inbound, EVENT_DECODE_TYPE, DeadLetterHeaders.REASON_DECODE, e, 0, stop));
        }
        List<EventHandler> handlers = registry.eventHandlers(event.eventType());
        String type = event.eventType().value();
        if (handlers.isEmpty()) {
            return Outcome.handled(type, firstAttempt, null, Outcome.DONE.outputs());
        }
        MessageMeters meters = metrics.forMessages("kafka", inbound.topic(), type);
        HandlingSubject subject =
                new HandlingSubject(inbound, type, Propagation.of(event.correlationId(), inbound.correlationId()));
        Outcome outcome = Outcome.handled(type, firstAttempt, subject.propagation(), Outcome.DONE.outputs());
        for (EventHandler handler : handlers) {
            Outcome one = dispatcher.runWithRetries(
                    subject, meters, context -> handler.handle(event, context), contexts, stop, firstAttempt);
            if (!one.finished()) {
                return one;
            }
            outcome = outcome.and(one);
        }
        return outcome;
    }
}
