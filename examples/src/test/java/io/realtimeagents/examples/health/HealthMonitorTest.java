package io.realtimeagents.examples.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.realtimeagents.common.InvalidMessageException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthMonitorTest {
    private static final Instant AT = Instant.parse("2025-03-01T10:00:00Z");

    private final HealthMonitor monitor = new HealthMonitor(new EpisodeTracker(2), new VitalsHistory(3));

    @Test
    void acceptedReading_isClassifiedAndTracked() {
        ProcessedReading processed =
                monitor.accept(Readings.single("p-001", VitalKind.SPO2, 90, AT), VitalKind.SPO2, "p-001", AT);

        assertThat(processed.classification().category()).isEqualTo("hypoxemia");
        assertThat(processed.alerts())
                .singleElement()
                .extracting(Alert::condition)
                .isEqualTo(Condition.HYPOXEMIA);
        assertThat(processed.toWire()).containsOnlyKeys("reading", "classification", "alerts");
        assertThat(processed.toWire().get("classification"))
                .isEqualTo(Map.of(
                        "category", "hypoxemia", "condition", "hypoxemia", "severity", "high", "finding", "hypoxemia"));
    }

    @Test
    void invalidReading_isNeitherRememberedNorTracked() {
        assertThatThrownBy(() -> monitor.accept(
                        Readings.single("p-009", VitalKind.HEART_RATE, 900, AT), VitalKind.HEART_RATE, null, AT))
                .isInstanceOf(InvalidMessageException.class);

        assertThat(monitor.patients()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void analyze_summarisesTheRecentReadingsOfEachKind() {
        double[] rates = {60, 70, 110, 120};
        for (int i = 0; i < rates.length; i++) {
            monitor.accept(
                    Readings.single("p-001", VitalKind.HEART_RATE, rates[i], AT.plusSeconds(i)),
                    VitalKind.HEART_RATE,
                    null,
                    AT);
        }
        monitor.accept(Readings.pressure("p-001", 121, 79, AT), VitalKind.BLOOD_PRESSURE, null, AT);

        Map<String, Object> analysis = monitor.analyze("p-001");

        assertThat(analysis).containsEntry("patient_id", "p-001");
        Map<String, Object> vitals = (Map<String, Object>) analysis.get("vitals");
        assertThat(vitals).containsOnlyKeys("heart_rate", "blood_pressure");
        Map<String, Object> heartRate = (Map<String, Object>) vitals.get("heart_rate");
        assertThat(heartRate)
                .containsEntry("unit", "bpm")
                .containsEntry("readings", 3)
                .containsEntry("from", AT.plusSeconds(1).toString())
                .containsEntry("to", AT.plusSeconds(3).toString())
                .containsEntry(
                        "latest", Map.of("timestamp", AT.plusSeconds(3).toString(), "values", Map.of("value", 120L)))
                .containsEntry("stats", Map.of("value", Map.of("min", 70L, "max", 120L, "mean", 100L)));
        Map<String, Object> pressure = (Map<String, Object>) vitals.get("blood_pressure");
        assertThat((Map<String, Object>) pressure.get("stats")).containsOnlyKeys("systolic", "diastolic");
        assertThat((List<Map<String, Object>>) analysis.get("active_alerts"))
                .singleElement()
                .satisfies(alert -> assertThat(alert).containsEntry("condition", "tachycardia"));
    }

    @Test
    void analyzeUnknownPatient_namesThePatientsWithReadings() {
        monitor.accept(Readings.single("p-002", VitalKind.TEMPERATURE, 36.8, AT), VitalKind.TEMPERATURE, null, AT);

        assertThatThrownBy(() -> monitor.analyze("p-404"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No readings of patient 'p-404' yet; patients with readings: [p-002]");
    }
}
