package io.realtimeagents.agent.internal.kafka;

import io.realtimeagents.agent.DeadLetterHeaders;
import io.realtimeagents.agent.internal.delivery.MessageDispatcher;
import io.realtimeagents.agent.internal.delivery.MessageDispatcher.Contexts;
import io.realtimeagents.agent.internal.delivery.StopSignal;
import io.realtimeagents.agent.internal.metrics.AgentMetrics;
import io.realtimeagents.agent.internal.metrics.AgentMetrics.MessageMeters;
import io.realtimeagents.common.PayloadDecodingException;
import io.realtimeagents.common.handler.EventHandler;
import io.realtimeagents.common.handler.HandlerRegistry;
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
     * @return true when the agent is done with the record (handled, skipped or dead-lettered), so its offset may be
     *     committed; false when stopped first, so the record must be delivered again
     */
    boolean process(ConsumerRecord<byte[], byte[]> record, StopSignal stop) {
        KafkaInbound inbound = new KafkaInbound(record);
        Contexts contexts = (type, attempt) -> new KafkaRecordContext(record, type, attempt);
        return record.topic().equals(eventsTopic)
                ? processEvent(inbound, contexts, stop)
                : dispatcher.dispatch(inbound, contexts, stop);
    }

    private boolean processEvent(KafkaInbound inbound, Contexts contexts, StopSignal stop) {
        RealtimeEvent event;
        try {
            event = Json.decode(inbound.value(), RealtimeEvent.class);
            if (event == null || event.eventType() == null) {
                throw new PayloadDecodingException("The event has no event_type");
            }
        } catch (RuntimeException e) {
            LOG.warn("Dead-lettering undecodable event {}: {}", inbound.describe(), e.getMessage());
            return dispatcher.deadLetter(inbound, EVENT_DECODE_TYPE, DeadLetterHeaders.REASON_DECODE, e, 0, stop);
        }
        List<EventHandler> handlers = registry.eventHandlers(event.eventType());
        String type = event.eventType().value();
        MessageMeters meters = handlers.isEmpty() ? null : metrics.forMessages("kafka", inbound.topic(), type);
        for (EventHandler handler : handlers) {
            if (!dispatcher.runWithRetries(
                    inbound, type, meters, context -> handler.handle(event, context), contexts, stop)) {
                return false;
            }
        }
        return true;
    }
}
