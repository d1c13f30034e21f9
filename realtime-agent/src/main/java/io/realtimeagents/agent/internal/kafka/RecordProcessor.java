package io.realtimeagents.agent.internal.kafka;

import io.realtimeagents.agent.DeadLetterHeaders;
import io.realtimeagents.agent.internal.kafka.DeadLetterPublisher.DeadLetter;
import io.realtimeagents.agent.internal.metrics.AgentMetrics;
import io.realtimeagents.agent.internal.metrics.AgentMetrics.MessageMeters;
import io.realtimeagents.common.PayloadDecodingException;
import io.realtimeagents.common.config.UnhandledMessagePolicy;
import io.realtimeagents.common.handler.DecodedMessage;
import io.realtimeagents.common.handler.EventHandler;
import io.realtimeagents.common.handler.HandlerRegistry;
import io.realtimeagents.common.handler.MessageContext;
import io.realtimeagents.common.handler.MessageDecoder;
import io.realtimeagents.common.handler.RetryPolicy;
import io.realtimeagents.common.json.Json;
import io.realtimeagents.common.model.RealtimeEvent;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one record through decoding, its handler(s), retries with backoff and, when everything failed, the
 * dead-letter topic. Thread-safe: partition workers share one processor.
 */
final class RecordProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(RecordProcessor.class);
    private static final String EVENT_DECODE_TYPE = "realtime_event";

    private final HandlerRegistry registry;
    private final MessageDecoder decoder;
    private final String eventsTopic;
    private final RetryPolicy retryPolicy;
    private final UnhandledMessagePolicy unhandledPolicy;
    private final DeadLetterPublisher deadLetters;
    private final AgentMetrics metrics;

    RecordProcessor(
            HandlerRegistry registry,
            MessageDecoder decoder,
            String eventsTopic,
            RetryPolicy retryPolicy,
            UnhandledMessagePolicy unhandledPolicy,
            DeadLetterPublisher deadLetters,
            AgentMetrics metrics) {
        this.registry = registry;
        this.decoder = decoder;
        this.eventsTopic = eventsTopic;
        this.retryPolicy = retryPolicy;
        this.unhandledPolicy = unhandledPolicy;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
    }

    /**
     * Processes one record.
     *
     * @return true when the agent is done with the record (handled, skipped or dead-lettered), so its offset may be
     *     committed; false when stopped first, so the record must be delivered again
     */
    boolean process(ConsumerRecord<byte[], byte[]> record, StopSignal stop) {
        return record.topic().equals(eventsTopic) ? processEvent(record, stop) : processMessage(record, stop);
    }

    private boolean processMessage(ConsumerRecord<byte[], byte[]> record, StopSignal stop) {
        DecodedMessage message;
        try {
            message = decoder.decode(record.topic(), record.value(), name -> KafkaRecordContext.header(record, name));
        } catch (PayloadDecodingException e) {
            LOG.warn("Dead-lettering undecodable {}: {}", describe(record), e.getMessage());
            return deadLetters.publish(new DeadLetter(record, null, DeadLetterHeaders.REASON_DECODE, e, 0), stop);
        }
        if (!message.hasHandler()) {
            if (unhandledPolicy == UnhandledMessagePolicy.IGNORE) {
                return true;
            }
            String reason = "No handler is registered for message type '" + message.messageType()
                    + "' (registered: " + registry.messageTypes() + "); set HANDLER_UNHANDLED=ignore to skip such"
                    + " messages";
            LOG.warn("Dead-lettering {}: {}", describe(record), reason);
            return deadLetters.publish(
                    new DeadLetter(
                            record,
                            message.messageType(),
                            DeadLetterHeaders.REASON_UNHANDLED,
                            new IllegalStateException(reason),
                            0),
                    stop);
        }
        MessageMeters meters = metrics.forMessages("kafka", record.topic(), message.messageType());
        return runWithRetries(record, message.messageType(), meters, message::invoke, stop);
    }

    private boolean processEvent(ConsumerRecord<byte[], byte[]> record, StopSignal stop) {
        RealtimeEvent event;
        try {
            event = Json.decode(record.value(), RealtimeEvent.class);
            if (event == null || event.eventType() == null) {
                throw new PayloadDecodingException("The event has no event_type");
            }
        } catch (RuntimeException e) {
            LOG.warn("Dead-lettering undecodable event {}: {}", describe(record), e.getMessage());
            return deadLetters.publish(
                    new DeadLetter(record, EVENT_DECODE_TYPE, DeadLetterHeaders.REASON_DECODE, e, 0), stop);
        }
        List<EventHandler> handlers = registry.eventHandlers(event.eventType());
        String type = event.eventType().value();
        MessageMeters meters = handlers.isEmpty() ? null : metrics.forMessages("kafka", record.topic(), type);
        for (EventHandler handler : handlers) {
            if (!runWithRetries(record, type, meters, context -> handler.handle(event, context), stop)) {
                return false;
            }
        }
        return true;
    }

    /** Runs one handler step until it succeeds, retries are exhausted (dead letter), or the partition stops. */
    private boolean runWithRetries(
            ConsumerRecord<byte[], byte[]> record, String type, MessageMeters meters, Step step, StopSignal stop) {
        for (int attempt = 1; ; attempt++) {
            long start = System.nanoTime();
            try {
                step.run(new KafkaRecordContext(record, type, attempt));
                meters.processed(System.nanoTime() - start);
                return true;
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                meters.failed(System.nanoTime() - start);
                if (!retryPolicy.shouldRetry(attempt)) {
                    LOG.warn("Dead-lettering {} after {} failed attempt(s)", describe(record), attempt, e);
                    return deadLetters.publish(
                            new DeadLetter(record, type, DeadLetterHeaders.REASON_HANDLER, e, attempt), stop);
                }
                Duration backoff = retryPolicy.backoffAfter(attempt);
                LOG.info(
                        "Handler of {} failed on attempt {} of {}: {}; retrying in {} ms",
                        describe(record),
                        attempt,
                        retryPolicy.maxRetries() + 1,
                        e.toString(),
                        backoff.toMillis());
                if (stop.awaitStop(backoff)) {
                    return false;
                }
                meters.retried();
            }
        }
    }

    private static String describe(ConsumerRecord<byte[], byte[]> record) {
        return "record " + record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    @FunctionalInterface
    private interface Step {
        void run(MessageContext context) throws Exception;
    }
}
