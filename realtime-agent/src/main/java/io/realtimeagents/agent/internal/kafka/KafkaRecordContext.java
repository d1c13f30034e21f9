package io.realtimeagents.agent.internal.kafka;

import io.realtimeagents.agent.internal.delivery.Handling;
import io.realtimeagents.common.handler.KafkaContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** The {@link KafkaContext} of a Kafka record; headers are decoded only when asked for. */
final class KafkaRecordContext implements KafkaContext {
    private final ConsumerRecord<byte[], byte[]> record;
    private final String messageType;
    private final int attempt;
    private final Handling handling;
    private Map<String, String> headers;

    KafkaRecordContext(ConsumerRecord<byte[], byte[]> record, String messageType, int attempt, Handling handling) {
        this.record = record;
        this.messageType = messageType;
        this.attempt = attempt;
        this.handling = handling;
    }

    /** The last value of a header as UTF-8, or null. */
    static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public String topic() {
        return record.topic();
    }

    @Override
    public String key() {
        return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    }

    @Override
    public String messageType() {
        return messageType;
    }

    @Override
    public Map<String, String> headers() {
        if (headers == null) {
            Map<String, String> decoded = new LinkedHashMap<>();
            for (Header header : record.headers()) {
                decoded.put(
                        header.key(),
                        header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
            }
            headers = Collections.unmodifiableMap(decoded);
        }
        return headers;
    }

    @Override
    public String header(String name) {
        return header(record, name);
    }

    @Override
    public Instant timestamp() {
        return Instant.ofEpochMilli(record.timestamp());
    }

    @Override
    public int partition() {
        return record.partition();
    }

    @Override
    public long offset() {
        return record.offset();
    }

    @Override
    public String correlationId() {
        return handling.propagation().correlationId();
    }

    @Override
    public int attempt() {
        return attempt;
    }

    @Override
    public String toString() {
        return "kafka record " + record.topic() + "-" + record.partition() + "@" + record.offset() + " (" + messageType
                + ", attempt " + attempt + ")";
    }

    @Override
    public <T> CompletionStage<T> track(CompletionStage<T> output) {
        return handling.attach(output, "an output tracked by the handler");
    }
}
