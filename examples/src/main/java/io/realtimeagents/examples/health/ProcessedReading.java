package io.realtimeagents.examples.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What became of one accepted reading.
 *
 * @param reading the validated reading
 * @param classification what it means clinically
 * @param alerts the alerts it caused: usually none, see {@link EpisodeTracker}
 */
public record ProcessedReading(VitalReading reading, Classification classification, List<Alert> alerts) {
    /** Copies the alerts. */
    public ProcessedReading {
        alerts = List.copyOf(alerts);
    }

    /** {@code {"reading", "classification", "alerts"}}, as the {@code process_vitals} task answers. */
    public Map<String, Object> toWire() {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("reading", reading.toWire());
        wire.put("classification", classification.toWire());
        wire.put("alerts", alerts.stream().map(Alert::toWire).toList());
        return wire;
    }
}
