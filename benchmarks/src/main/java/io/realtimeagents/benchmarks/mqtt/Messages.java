package io.realtimeagents.benchmarks.mqtt;

import io.realtimeagents.benchmarks.kafka.Reading;
import io.realtimeagents.common.json.Json;

/**
 * The messages every run publishes, encoded once before the first run: {@link Reading#sample} readings as snake_case
 * JSON of about 200 bytes, message {@code i} on the topic {@code <prefix>/devices/<patient id>/vitals}.
 *
 * @param payloads the encoded readings
 * @param patients the patient id of each reading, the variable level of its topic
 * @param bytes the total size of the payloads
 * @param checksum the sum of the readings' heart rates
 */
record Messages(byte[][] payloads, String[] patients, long bytes, long checksum) {
    /** The payload of the probe, a reading with a negative heart rate that receivers do not count. */
    static final byte[] PROBE = Json.encode(
            new Reading("probe", "probe", -1, 0, 0, 0, 0, 0, java.time.Instant.parse("2026-11-02T08:00:00Z")));

    /** The patient level of the probe's topic. */
    static final String PROBE_PATIENT = "probe";

    /** Encodes {@code count} readings. */
    static Messages encode(int count) {
        byte[][] payloads = new byte[count][];
        String[] patients = new String[count];
        long bytes = 0;
        long checksum = 0;
        for (int i = 0; i < count; i++) {
            Reading reading = Reading.sample(i);
            payloads[i] = Json.encode(reading);
            patients[i] = reading.patientId();
            bytes += payloads[i].length;
            checksum += reading.heartRate();
        }
        return new Messages(payloads, patients, bytes, checksum);
    }

    /** The checksum of the first {@code count} messages. */
    long checksum(int count) {
        if (count == payloads.length) {
            return checksum;
        }
        long sum = 0;
        for (int i = 0; i < count; i++) {
            sum += Reading.sample(i).heartRate();
        }
        return sum;
    }

    /** The topic of a message with this patient id under the run's prefix. */
    static String topic(String prefix, String patient) {
        return prefix + "/devices/" + patient + "/vitals";
    }

    /** The filter matching every message of the run, with {@code level} for the patient level. */
    static String filter(String prefix, String level) {
        return prefix + "/devices/" + level + "/vitals";
    }
}
