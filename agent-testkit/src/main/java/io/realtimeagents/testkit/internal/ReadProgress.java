package io.realtimeagents.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What one {@link RecordReader#read} call has seen so far, and how to report it when too little arrived. */
final class ReadProgress<K, V> {
    /** How many of the records read a failure message shows. */
    static final int SHOWN = 5;

    private static final int MAX_TEXT = 80;

    private final Predicate<? super ConsumerRecord<K, V>> match;
    private final int wanted;
    private final List<ConsumerRecord<K, V>> matches = new ArrayList<>();
    private final List<ConsumerRecord<K, V>> firstRead = new ArrayList<>();
    private long read;

    ReadProgress(Predicate<? super ConsumerRecord<K, V>> match, int wanted) {
        this.match = match;
        this.wanted = wanted;
    }

    void add(ConsumerRecord<K, V> record) {
        read++;
        if (firstRead.size() < SHOWN) {
            firstRead.add(record);
        }
        if (matches.size() < wanted && match.test(record)) {
            matches.add(record);
        }
    }

    boolean done() {
        return matches.size() >= wanted;
    }

    List<ConsumerRecord<K, V>> matches() {
        return List.copyOf(matches);
    }

    String failureMessage(String topic, Duration timeout, String what, boolean topicFound) {
        StringBuilder message = new StringBuilder("Only ")
                .append(matches.size())
                .append(" of ")
                .append(wanted)
                .append(' ')
                .append(what)
                .append(" arrived on topic '")
                .append(topic)
                .append("' within ")
                .append(timeout.toMillis())
                .append(" ms");
        if (!topicFound) {
            return message.append(": the topic does not exist").toString();
        }
        message.append(" (")
                .append(read)
                .append(read == 1 ? " record" : " records")
                .append(" read)");
        if (firstRead.isEmpty()) {
            return message.append("; nothing was received").toString();
        }
        message.append("; first received:");
        firstRead.forEach(record -> message.append("\n  ").append(describe(record)));
        return message.toString();
    }

    private static String describe(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset() + " key=" + text(record.key())
                + " value=" + text(record.value());
    }

    private static String text(Object data) {
        String text = data instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(data);
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "...";
    }
}
