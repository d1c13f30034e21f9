package io.realtimeagents.examples.health;

import io.realtimeagents.common.model.HealthDataModel;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The health agent's logic without its transport: validates a reading, remembers it, classifies it and tracks
 * episodes. {@link HealthAgent} feeds it from Kafka and HTTP and publishes what it returns; tests can drive it
 * directly.
 */
public final class HealthMonitor {
    private final EpisodeTracker episodes;
    private final VitalsHistory history;

    /** A monitor with its episode tracker and history. */
    public HealthMonitor(EpisodeTracker episodes, VitalsHistory history) {
        this.episodes = Objects.requireNonNull(episodes, "episodes");
        this.history = Objects.requireNonNull(history, "history");
    }

    /**
     * Processes one reading of a device.
     *
     * @param data the reading as sent
     * @param kind the kind its message type names
     * @param key the record key (the patient), or null
     * @param receivedAt the time to use when the reading carries no timestamp
     * @throws io.realtimeagents.common.InvalidMessageException when the reading is invalid; nothing is remembered
     */
    public ProcessedReading accept(HealthDataModel data, VitalKind kind, String key, Instant receivedAt) {
        VitalReading reading = ReadingValidator.validate(data, kind, key, receivedAt);
        history.add(reading);
        Classification classification = ClinicalThresholds.classify(reading);
        return new ProcessedReading(reading, classification, episodes.observe(reading, classification));
    }

    /** Takes an alert published earlier into account: see {@link EpisodeTracker#restore}. */
    public void restore(Alert alert) {
        episodes.restore(alert);
    }

    /**
     * A patient's recent vitals and open alerts: {@code {"patient_id", "vitals": {<kind>: summary}, "active_alerts":
     * [...]}}, see {@link VitalsHistory#summary(String)}.
     *
     * @throws IllegalArgumentException when the patient has no readings, naming those who have
     */
    public Map<String, Object> analyze(String patientId) {
        Map<String, Object> vitals = history.summary(patientId)
                .orElseThrow(() -> new IllegalArgumentException("No readings of patient '" + patientId
                        + "' yet; patients with readings: " + history.patients()));
        Map<String, Object> analysis = new LinkedHashMap<>();
        analysis.put("patient_id", patientId);
        analysis.put("vitals", vitals);
        analysis.put(
                "active_alerts",
                episodes.active(patientId).stream().map(Alert::toWire).toList());
        return analysis;
    }

    /** The patients with readings, sorted. */
    public List<String> patients() {
        return history.patients();
    }
}
