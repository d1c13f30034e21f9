package io.realtimeagents.examples.health;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The most recent readings of each patient, per kind, and their summary: latest value, minimum, maximum and mean of
 * each measured field. Bounded: it keeps the last {@code capacity} readings of each patient and kind.
 */
public final class VitalsHistory {
    /** How many readings of each patient and kind are kept, by default. */
    public static final int DEFAULT_CAPACITY = 60;

    private final int capacity;
    private final Map<String, Map<VitalKind, Deque<VitalReading>>> patients = new ConcurrentHashMap<>();

    /**
     * A history.
     *
     * @param capacity how many readings of each patient and kind to keep, at least 1
     */
    public VitalsHistory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException(
                    "Invalid value " + capacity + " for capacity: keep at least 1 reading per patient and kind");
        }
        this.capacity = capacity;
    }

    /** Adds a reading, dropping the patient's oldest of that kind when the history is full. */
    public void add(VitalReading reading) {
        Map<VitalKind, Deque<VitalReading>> kinds =
                patients.computeIfAbsent(reading.patientId(), id -> new EnumMap<>(VitalKind.class));
        synchronized (kinds) {
            Deque<VitalReading> readings = kinds.computeIfAbsent(reading.kind(), kind -> new ArrayDeque<>());
            readings.addLast(reading);
            if (readings.size() > capacity) {
                readings.removeFirst();
            }
        }
    }

    /** The patients with readings, sorted. */
    public List<String> patients() {
        return patients.keySet().stream().sorted().toList();
    }

    /**
     * A patient's recent vitals, per kind: {@code {"unit", "readings", "from", "to", "latest": {"timestamp",
     * "values"}, "stats": {<field>: {"min", "max", "mean"}}}}; empty when the patient has no readings.
     */
    public Optional<Map<String, Object>> summary(String patientId) {
        Map<VitalKind, Deque<VitalReading>> kinds = patients.get(patientId);
        if (kinds == null) {
            return Optional.empty();
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        synchronized (kinds) {
            kinds.forEach((kind, readings) -> summary.put(kind.type(), summarize(kind, List.copyOf(readings))));
        }
        return Optional.of(summary);
    }

    private static Map<String, Object> summarize(VitalKind kind, List<VitalReading> readings) {
        VitalReading latest = readings.get(readings.size() - 1);
        Map<String, Object> stats = new LinkedHashMap<>();
        for (VitalKind.PlausibleRange range : kind.ranges()) {
            var values = readings.stream()
                    .mapToDouble(reading -> reading.value(range.field()))
                    .summaryStatistics();
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("min", VitalReading.number(values.getMin()));
            field.put("max", VitalReading.number(values.getMax()));
            field.put("mean", VitalReading.number(Math.round(values.getAverage() * 10) / 10.0));
            stats.put(range.field(), field);
        }
        Map<String, Object> latestWire = new LinkedHashMap<>();
        latestWire.put("timestamp", latest.timestamp().toString());
        latestWire.put("values", latest.toWire().get("values"));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("unit", kind.unit());
        summary.put("readings", readings.size());
        summary.put("from", readings.get(0).timestamp().toString());
        summary.put("to", latest.timestamp().toString());
        summary.put("latest", latestWire);
        summary.put("stats", stats);
        return summary;
    }
}
