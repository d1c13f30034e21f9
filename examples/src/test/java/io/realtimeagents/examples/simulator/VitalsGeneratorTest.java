package io.realtimeagents.examples.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.realtimeagents.examples.health.Alert;
import io.realtimeagents.examples.health.EpisodeTracker;
import io.realtimeagents.examples.health.HealthMonitor;
import io.realtimeagents.examples.health.VitalKind;
import io.realtimeagents.examples.health.VitalsHistory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulated patients run through the health agent's own logic: episodes, and only episodes, raise alerts. */
class VitalsGeneratorTest {
    private static final Instant START = Instant.parse("2025-03-01T10:00:00Z");
    private static final int PATIENTS = 6;
    private static final int TICKS = 600;

    @Test
    void eachTick_hasOneReadingOfEachVitalOfEachPatient_onTheDeviceTopics() {
        List<SimulatedReading> readings = new VitalsGenerator(2, 1).next(START);

        assertThat(readings)
                .extracting(SimulatedReading::topic)
                .containsExactly(
                        "devices/p-001/vitals/blood_pressure",
                        "devices/p-001/vitals/heart_rate",
                        "devices/p-001/vitals/spo2",
                        "devices/p-001/vitals/temperature",
                        "devices/p-002/vitals/blood_pressure",
                        "devices/p-002/vitals/heart_rate",
                        "devices/p-002/vitals/spo2",
                        "devices/p-002/vitals/temperature");
        assertThat(new String(readings.get(0).payload(), StandardCharsets.UTF_8))
                .startsWith(
                        "{\"patient_id\":\"p-001\",\"device_id\":\"monitor-p-001\",\"data_type\":\"blood_pressure\","
                                + "\"value\":{\"systolic\":")
                .contains("\"unit\":\"mmHg\",\"timestamp\":\"2025-03-01T10:00:00Z\"");
    }

    @Test
    void sameSeed_sameReadings() {
        VitalsGenerator first = new VitalsGenerator(PATIENTS, 7);
        VitalsGenerator second = new VitalsGenerator(PATIENTS, 7);
        for (int tick = 0; tick < 50; tick++) {
            assertThat(payloads(second.next(START))).isEqualTo(payloads(first.next(START)));
        }
    }

    @Test
    void firstEpisode_isATachycardiaOfTheFirstPatient_alertedWithinFifteenReadings() {
        VitalsGenerator generator = new VitalsGenerator(PATIENTS, SimulatorOptions.DEFAULT_SEED);
        HealthMonitor monitor = monitor();
        for (int tick = 0; tick < 15; tick++) {
            List<Alert> alerts = feed(monitor, generator.next(START.plusSeconds(tick)));
            if (!alerts.isEmpty()) {
                assertThat(tick).isGreaterThanOrEqualTo((int) EpisodeSchedule.FIRST_START);
                assertThat(alerts).singleElement().satisfies(alert -> {
                    assertThat(alert.patientId()).isEqualTo("p-001");
                    assertThat(alert.condition().wire()).isEqualTo("tachycardia");
                });
                return;
            }
        }
        throw new AssertionError("no alert within the first 15 readings");
    }

    @Test
    void everyEpisode_raisesOneAlertOfItsConditionAndResolves_andNothingElseRaisesAny() {
        for (long seed : new long[] {SimulatorOptions.DEFAULT_SEED, 1, 2, 3}) {
            VitalsGenerator generator = new VitalsGenerator(PATIENTS, seed);
            HealthMonitor monitor = monitor();
            List<TimedAlert> alerts = new ArrayList<>();
            for (int tick = 0; tick < TICKS; tick++) {
                for (Alert alert : feed(monitor, generator.next(START.plusSeconds(tick)))) {
                    alerts.add(new TimedAlert(tick, alert));
                }
            }
            List<Episode> episodes = generator.episodes(TICKS).stream()
                    .filter(episode -> episode.end() + 5 < TICKS)
                    .toList();
            assertThat(episodes).as("episodes of seed %d", seed).hasSizeGreaterThan(20);
            episodes.forEach(episode -> assertAlertedOnce(episode, alerts, seed));
            assertThat(alerts)
                    .as("alerts outside every episode, seed %d", seed)
                    .allMatch(alert -> generator.episodes(TICKS).stream().anyMatch(e -> explains(e, alert)));
        }
    }

    private static void assertAlertedOnce(Episode episode, List<TimedAlert> alerts, long seed) {
        List<Alert> during = alerts.stream()
                .filter(alert -> explains(episode, alert))
                .map(TimedAlert::alert)
                .toList();
        String what = episode.kind() + " of patient " + episode.patient() + " from tick " + episode.start() + " (seed "
                + seed + ")";
        assertThat(during).as(what).isNotEmpty();
        assertThat(during).as(what).allSatisfy(alert -> {
            assertThat(alert.condition()).isEqualTo(episode.kind().condition());
            assertThat(alert.alertId()).isEqualTo(during.get(0).alertId());
        });
        assertThat(during.get(0).isActive()).as(what).isTrue();
        assertThat(during.get(during.size() - 1).isActive()).as(what).isFalse();
        assertThat(during.stream().filter(alert -> !alert.isActive())).as(what).hasSize(1);
    }

    /** Whether the alert is about the episode: its patient, from its start to a few readings after its end. */
    private static boolean explains(Episode episode, TimedAlert alert) {
        return alert.alert().patientId().equals(VitalsGenerator.patientId(episode.patient()))
                && alert.tick() >= episode.start()
                && alert.tick() <= episode.end() + EpisodeTracker.DEFAULT_RESOLVE_AFTER + 1;
    }

    @Test
    void noPatients_isRejected() {
        assertThatThrownBy(() -> new VitalsGenerator(0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid value 0 for patients: simulate at least 1");
    }

    private record TimedAlert(int tick, Alert alert) {}

    private static HealthMonitor monitor() {
        return new HealthMonitor(
                new EpisodeTracker(EpisodeTracker.DEFAULT_RESOLVE_AFTER),
                new VitalsHistory(VitalsHistory.DEFAULT_CAPACITY));
    }

    /** Every reading goes through validation (which would throw) and classification, as in the health agent. */
    private static List<Alert> feed(HealthMonitor monitor, List<SimulatedReading> readings) {
        List<Alert> alerts = new ArrayList<>();
        for (SimulatedReading reading : readings) {
            VitalKind kind = reading.kind();
            alerts.addAll(monitor.accept(reading.data(), kind, reading.patientId(), START)
                    .alerts());
        }
        return alerts;
    }

    private static List<String> payloads(List<SimulatedReading> readings) {
        return readings.stream()
                .map(reading -> new String(reading.payload(), StandardCharsets.UTF_8))
                .toList();
    }
}
