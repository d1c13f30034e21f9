package io.realtimeagents.examples.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.realtimeagents.common.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EpisodeTrackerTest {
    private static final Instant START = Instant.parse("2025-03-01T10:00:00Z");

    private final EpisodeTracker tracker = new EpisodeTracker(3);
    private int second;

    @Test
    void sustainedCondition_raisesOneAlertThenResolvesOnce() {
        List<Alert> alerts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            alerts.addAll(heartRate("p-001", 120 + i % 5));
        }
        alerts.addAll(heartRate("p-001", 80));
        alerts.addAll(heartRate("p-001", 78));
        assertThat(alerts).hasSize(1);
        alerts.addAll(heartRate("p-001", 76));

        assertThat(alerts).extracting(Alert::status).containsExactly(Alert.Status.ACTIVE, Alert.Status.RESOLVED);
        Alert started = alerts.get(0);
        Alert resolved = alerts.get(1);
        assertThat(started.condition()).isEqualTo(Condition.TACHYCARDIA);
        assertThat(started.severity()).isEqualTo(Severity.WARNING);
        assertThat(started.message()).isEqualTo("Heart rate 120 bpm: tachycardia");
        assertThat(started.startedAt()).isEqualTo(START);
        assertThat(started.resolvedAt()).isNull();
        assertThat(resolved.alertId()).isEqualTo(started.alertId());
        assertThat(resolved.startedAt()).isEqualTo(START);
        assertThat(resolved.resolvedAt()).isEqualTo(resolved.reading().timestamp());
        assertThat(resolved.message()).isEqualTo("Heart rate 76 bpm: tachycardia resolved");
        assertThat(tracker.active("p-001")).isEmpty();
    }

    @Test
    void restoredEpisode_continuesWithItsAlertId_andResolvesOnce() {
        Alert published = heartRate("p-002", 130).getFirst();
        Alert readBack = Alert.fromWire(Json.tree(Json.encode(published.toWire())));
        EpisodeTracker successor = new EpisodeTracker(3);

        successor.restore(readBack);
        List<Alert> alerts = new ArrayList<>();
        for (int bpm : new int[] {128, 126, 80, 79, 78}) {
            alerts.addAll(successor.observe(
                    VitalReading.of("p-002", VitalKind.HEART_RATE, START.plusSeconds(++second), bpm),
                    ClinicalThresholds.classify(
                            VitalReading.of("p-002", VitalKind.HEART_RATE, START.plusSeconds(second), bpm))));
        }

        assertThat(readBack).isEqualTo(published);
        assertThat(alerts).singleElement().satisfies(resolved -> {
            assertThat(resolved.status()).isEqualTo(Alert.Status.RESOLVED);
            assertThat(resolved.alertId()).isEqualTo(published.alertId());
            assertThat(resolved.startedAt()).isEqualTo(published.startedAt());
        });
    }

    @Test
    void restoredResolvedAlert_closesTheEpisode() {
        Alert active = heartRate("p-003", 130).getFirst();
        EpisodeTracker successor = new EpisodeTracker(3);
        successor.restore(active);
        successor.restore(new Alert(
                active.alertId(),
                "p-003",
                active.condition(),
                active.severity(),
                Alert.Status.RESOLVED,
                "resolved",
                active.reading(),
                active.startedAt(),
                active.reading().timestamp()));

        assertThat(successor.active("p-003")).isEmpty();
    }

    @Test
    void abnormalReadingAmongNormalOnes_restartsTheCount() {
        List<Alert> alerts = new ArrayList<>(heartRate("p-001", 125));
        alerts.addAll(heartRate("p-001", 90));
        alerts.addAll(heartRate("p-001", 95));
        alerts.addAll(heartRate("p-001", 104));
        alerts.addAll(heartRate("p-001", 90));
        alerts.addAll(heartRate("p-001", 90));

        assertThat(alerts).hasSize(1);
        assertThat(heartRate("p-001", 90)).extracting(Alert::status).containsExactly(Alert.Status.RESOLVED);
    }

    @Test
    void newEpisodeAfterResolution_getsANewAlert() {
        String first = heartRate("p-001", 125).get(0).alertId();
        for (int i = 0; i < 3; i++) {
            heartRate("p-001", 80);
        }

        List<Alert> again = heartRate("p-001", 125);

        assertThat(again).singleElement().satisfies(alert -> {
            assertThat(alert.isActive()).isTrue();
            assertThat(alert.alertId()).isNotEqualTo(first);
        });
    }

    @Test
    void risingSeverity_republishesTheAlertWithTheSameId_fallingSeverityDoesNot() {
        Alert stage2 = pressure("p-002", 150, 95).get(0);
        List<Alert> crisis = pressure("p-002", 190, 118);
        List<Alert> backToStage2 = pressure("p-002", 152, 96);

        assertThat(stage2.severity()).isEqualTo(Severity.WARNING);
        assertThat(stage2.message()).isEqualTo("Blood pressure 150/95 mmHg: stage 2 hypertension");
        assertThat(crisis).singleElement().satisfies(alert -> {
            assertThat(alert.alertId()).isEqualTo(stage2.alertId());
            assertThat(alert.status()).isEqualTo(Alert.Status.ACTIVE);
            assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(alert.startedAt()).isEqualTo(stage2.startedAt());
            assertThat(alert.message()).isEqualTo("Blood pressure 190/118 mmHg: hypertensive crisis");
        });
        assertThat(backToStage2).isEmpty();
        assertThat(tracker.active("p-002"))
                .singleElement()
                .extracting(Alert::severity)
                .isEqualTo(Severity.CRITICAL);
    }

    @Test
    void patientsAndConditions_haveSeparateEpisodes() {
        assertThat(heartRate("p-001", 125)).hasSize(1);
        assertThat(heartRate("p-002", 125)).hasSize(1);
        assertThat(spo2("p-001", 90)).hasSize(1);
        assertThat(heartRate("p-001", 126)).isEmpty();

        assertThat(tracker.active("p-001"))
                .extracting(Alert::condition)
                .containsExactlyInAnyOrder(Condition.TACHYCARDIA, Condition.HYPOXEMIA);
    }

    @Test
    void normalReadingsOfAnotherKind_doNotResolveAnEpisode() {
        heartRate("p-001", 125);
        for (int i = 0; i < 5; i++) {
            assertThat(spo2("p-001", 97)).isEmpty();
        }

        assertThat(tracker.active("p-001")).hasSize(1);
    }

    @Test
    void swingFromTachycardiaToBradycardia_startsOneAndCountsTowardsEndingTheOther() {
        heartRate("p-001", 125);
        List<Alert> brady = heartRate("p-001", 45);
        heartRate("p-001", 46);
        List<Alert> third = heartRate("p-001", 44);

        assertThat(brady).singleElement().extracting(Alert::condition).isEqualTo(Condition.BRADYCARDIA);
        assertThat(third)
                .singleElement()
                .satisfies(alert -> assertThat(alert.condition()).isEqualTo(Condition.TACHYCARDIA))
                .extracting(Alert::status)
                .isEqualTo(Alert.Status.RESOLVED);
    }

    @Test
    void resolveAfterBelowOne_isRejectedWithTheDefault() {
        assertThatThrownBy(() -> new EpisodeTracker(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid value 0 for resolveAfter: an episode ends after at least 1 normal reading; the"
                        + " default is 3");
    }

    @Test
    void alertOnTheWire_hasTheDashboardContract() {
        Alert alert = heartRate("p-001", 128).get(0);

        assertThat(alert.toWire())
                .containsOnlyKeys(
                        "alert_id",
                        "patient_id",
                        "kind",
                        "condition",
                        "severity",
                        "status",
                        "message",
                        "reading",
                        "started_at")
                .containsEntry("patient_id", "p-001")
                .containsEntry("kind", "heart_rate")
                .containsEntry("condition", "tachycardia")
                .containsEntry("severity", "warning")
                .containsEntry("status", "active")
                .containsEntry("message", "Heart rate 128 bpm: tachycardia")
                .containsEntry("started_at", START.toString());
        heartRate("p-001", 70);
        heartRate("p-001", 70);
        Alert resolved = heartRate("p-001", 70).get(0);
        assertThat(resolved.toWire())
                .containsEntry("alert_id", alert.alertId())
                .containsEntry("status", "resolved")
                .containsEntry("resolved_at", START.plusSeconds(3).toString());
    }

    private List<Alert> heartRate(String patient, double bpm) {
        return observe(VitalReading.of(patient, VitalKind.HEART_RATE, next(), bpm));
    }

    private List<Alert> spo2(String patient, double percent) {
        return observe(VitalReading.of(patient, VitalKind.SPO2, next(), percent));
    }

    private List<Alert> pressure(String patient, double systolic, double diastolic) {
        return observe(VitalReading.bloodPressure(patient, next(), systolic, diastolic));
    }

    private List<Alert> observe(VitalReading reading) {
        return tracker.observe(reading, ClinicalThresholds.classify(reading));
    }

    private Instant next() {
        return START.plusSeconds(second++);
    }
}
