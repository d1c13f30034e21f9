package io.realtimeagents.examples.demo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes blood pressure and heart rate readings of a few patients to Kafka, keyed by patient, with the message
 * type in a {@code message_type} header. Now and then a patient has an episode that should raise an alert.
 */
final class VitalsSimulator implements AutoCloseable {
    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final int patients;
    private final Random random = new Random(42);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("vitals-simulator").daemon().factory());

    VitalsSimulator(String bootstrapServers, String topic, int patients) {
        this.producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new StringSerializer());
        this.topic = topic;
        this.patients = patients;
    }

    /** Publishes one round of readings (every patient, both kinds) at the given interval. */
    void start(long intervalMillis) {
        timer.scheduleAtFixedRate(this::round, 0, intervalMillis, TimeUnit.MILLISECONDS);
    }

    private void round() {
        for (int p = 1; p <= patients; p++) {
            String patient = "patient-" + p;
            boolean episode = random.nextInt(20) == 0;
            int systolic = episode ? 150 + random.nextInt(40) : 110 + random.nextInt(20);
            int diastolic = episode ? 92 + random.nextInt(20) : 70 + random.nextInt(12);
            int bpm = episode ? 105 + random.nextInt(30) : 60 + random.nextInt(30);
            send(
                    patient,
                    "blood_pressure",
                    "{\"patient_id\":\"" + patient + "\",\"systolic\":" + systolic + ",\"diastolic\":" + diastolic
                            + ",\"timestamp\":\"" + Instant.now() + "\"}");
            send(
                    patient,
                    "heart_rate",
                    "{\"patient_id\":\"" + patient + "\",\"value\":" + bpm + ",\"timestamp\":\"" + Instant.now()
                            + "\"}");
        }
    }

    private void send(String patient, String type, String json) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, patient, json);
        record.headers().add("message_type", type.getBytes(StandardCharsets.UTF_8));
        producer.send(record);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        producer.close();
    }
}
