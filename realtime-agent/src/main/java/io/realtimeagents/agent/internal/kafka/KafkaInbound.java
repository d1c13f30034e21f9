package io.realtimeagents.agent.internal.kafka;

import io.realtimeagents.agent.DeadLetterHeaders;
import io.realtimeagents.agent.internal.delivery.InboundMessage;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** A consumed Kafka record as an {@link InboundMessage}. */
record KafkaInbound(ConsumerRecord<byte[], byte[]> record) implements InboundMessage {
    @Override
    public String transport() {
        return "kafka";
    }

    @Override
    public String topic() {
        return record.topic();
    }

    @Override
    public String metricsTopic() {
        return record.topic();
    }

    @Override
    public byte[] key() {
        return record.key();
    }

    @Override
    public byte[] value() {
        return record.value();
    }

    @Override
    public String header(String name) {
        return KafkaRecordContext.header(record, name);
    }

    @Override
    public void forEachHeader(BiConsumer<String, byte[]> consumer) {
        for (Header header : record.headers()) {
            consumer.accept(header.key(), header.value());
        }
    }

    @Override
    public Map<String, String> origin() {
        return Map.of(
                DeadLetterHeaders.ORIGINAL_TOPIC, record.topic(),
                DeadLetterHeaders.ORIGINAL_PARTITION, Integer.toString(record.partition()),
                DeadLetterHeaders.ORIGINAL_OFFSET, Long.toString(record.offset()));
    }

    @Override
    public String describe() {
        return "record " + record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
