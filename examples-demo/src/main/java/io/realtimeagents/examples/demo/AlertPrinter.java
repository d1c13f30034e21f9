package io.realtimeagents.examples.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.realtimeagents.common.json.Json;
import io.realtimeagents.examples.health.HealthAgent;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Prints the alerts arriving on the alerts topic, one line each, from the time it starts. */
final class AlertPrinter implements AutoCloseable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final KafkaConsumer<String, byte[]> consumer;
    private final PrintStream out;
    private final Set<String> seen = new HashSet<>();
    private final Thread thread;

    private AlertPrinter(KafkaConsumer<String, byte[]> consumer, PrintStream out) {
        this.consumer = consumer;
        this.out = out;
        this.thread = Thread.ofPlatform().name("alert-printer").daemon().unstarted(this::run);
    }

    /** Starts printing the alerts stored from now on. */
    static AlertPrinter start(String bootstrapServers, PrintStream out) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions =
                consumer.partitionsFor(HealthAgent.ALERTS_TOPIC, Duration.ofSeconds(10)).stream()
                        .map(info -> new TopicPartition(info.topic(), info.partition()))
                        .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // fix the start now, before any alert of the demo
        AlertPrinter printer = new AlertPrinter(consumer, out);
        printer.thread.start();
        return printer;
    }

    private void run() {
        try {
            while (true) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    out.println(line(Json.tree(record.value())));
                }
            }
        } catch (WakeupException e) {
            // close() was called
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(2)));
        }
    }

    /** {@code  12:00:13  ALERT      warning   p-001  Heart rate 124 bpm: tachycardia}. */
    private String line(JsonNode alert) {
        boolean active = "active".equals(alert.path("status").asText());
        String label = !active ? "RESOLVED" : seen.add(alert.path("alert_id").asText()) ? "ALERT" : "ESCALATED";
        Instant at = Instant.parse(
                alert.path("reading").path("timestamp").asText(Instant.now().toString()));
        LocalTime time = at.atZone(ZoneId.systemDefault()).toLocalTime().truncatedTo(ChronoUnit.SECONDS);
        return String.format(
                "  %s  %-9s  %-8s  %s  %s",
                TIME.format(time),
                label,
                alert.path("severity").asText(),
                alert.path("patient_id").asText(),
                alert.path("message").asText());
    }

    /** Stops printing. */
    @Override
    public void close() {
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
