package io.realtimeagents.agent.internal.kafka;

import io.realtimeagents.agent.internal.delivery.Handling;
import io.realtimeagents.agent.internal.delivery.Propagation;
import io.realtimeagents.common.json.Json;
import io.realtimeagents.common.model.RealtimeEvent;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * The records of the agent's Kafka outputs. Started while a message is handled, they carry what its handling
 * propagates ({@link Propagation}: a {@code correlation_id} header, the trace context's {@code traceparent} and
 * {@code tracestate}), unless the caller set that header itself; an
 * emitted event without a correlation id gets the handling's, and events are keyed by the handled record's key.
 */
final class OutputRecords {
    private OutputRecords() {}

    /** A record of a send or a broadcast. */
    static ProducerRecord<byte[], byte[]> record(String topic, String key, byte[] value, Map<String, String> headers) {
        ProducerRecord<byte[], byte[]> record =
                new ProducerRecord<>(topic, null, key == null ? null : key.getBytes(StandardCharsets.UTF_8), value);
        headers.forEach((name, text) -> record.headers().add(name, utf8(text)));
        Propagation propagation = Propagation.current();
        if (propagation != null) {
            Headers written = record.headers();
            propagation.forEachHeader((name, text) -> {
                if (written.lastHeader(name) == null) {
                    written.add(name, utf8(text));
                }
            });
        }
        return record;
    }

    /**
     * The record of an emitted event. Emitted while a keyed record is handled, it is keyed by that record's key, so
     * the events about one key (a patient, a device) keep their order; otherwise by the correlation id it was emitted
     * with, else its id (not by the handling's correlation id it is given, so unkeyed handlings spread as before).
     */
    static ProducerRecord<byte[], byte[]> event(String eventsTopic, RealtimeEvent event) {
        Propagation propagation = Propagation.current();
        RealtimeEvent correlated = event.correlationId() == null && propagation != null
                ? event.withCorrelationId(propagation.correlationId())
                : event;
        byte[] inboundKey = Handling.inboundKey();
        byte[] key = inboundKey != null
                ? inboundKey
                : utf8(event.correlationId() != null ? event.correlationId() : event.eventId());
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(eventsTopic, null, key, Json.encode(correlated));
        record.headers()
                .add(KafkaRuntime.EVENT_TYPE_HEADER, utf8(correlated.eventType().value()));
        if (correlated.correlationId() != null) {
            record.headers().add(Propagation.CORRELATION_ID, utf8(correlated.correlationId()));
        }
        if (propagation != null) {
            propagation.forEachTraceHeader((name, text) -> record.headers().add(name, utf8(text)));
        }
        return record;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
