package io.realtimeagents.examples.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClinicalThresholdsTest {
    private static final Instant AT = Instant.parse("2025-03-01T10:15:30Z");

    @ParameterizedTest(name = "{0}/{1} mmHg is {2}")
    @CsvSource({
        "119, 79, normal, , ",
        "120, 79, elevated, , ",
        "130, 79, hypertension_stage_1, , ",
        "125, 80, hypertension_stage_1, , ",
        "139, 89, hypertension_stage_1, , ",
        "140, 89, hypertension_stage_2, hypertension, warning",
        "139, 90, hypertension_stage_2, hypertension, warning",
        "140, 90, hypertension_stage_2, hypertension, warning",
        "180, 120, hypertension_stage_2, hypertension, warning",
        "181, 120, hypertensive_crisis, hypertension, critical",
        "180, 121, hypertensive_crisis, hypertension, critical",
        "181, 121, hypertensive_crisis, hypertension, critical"
    })
    void bloodPressure_followsTheAccAha2017Categories(
            double systolic, double diastolic, String category, String condition, String severity) {
        assertClassified(VitalReading.bloodPressure("p-001", AT, systolic, diastolic), category, condition, severity);
    }

    @ParameterizedTest(name = "{0} bpm is {1}")
    @CsvSource({
        "40, bradycardia, bradycardia, high",
        "41, bradycardia, bradycardia, warning",
        "49, bradycardia, bradycardia, warning",
        "50, normal, , ",
        "100, normal, , ",
        "101, tachycardia, tachycardia, warning",
        "130, tachycardia, tachycardia, warning",
        "131, tachycardia, tachycardia, high"
    })
    void heartRate_tachycardiaAbove100_bradycardiaBelow50(double bpm, String category, String condition, String sev) {
        assertClassified(VitalReading.of("p-001", VitalKind.HEART_RATE, AT, bpm), category, condition, sev);
    }

    @ParameterizedTest(name = "SpO2 {0} % is {1}")
    @CsvSource({
        "97, normal, , ",
        "94, normal, , ",
        "93, below_target, , ",
        "92, below_target, , ",
        "91, hypoxemia, hypoxemia, high",
        "88, hypoxemia, hypoxemia, high",
        "87, hypoxemia, hypoxemia, critical"
    })
    void oxygenSaturation_hypoxemiaBelow92(double percent, String category, String condition, String severity) {
        assertClassified(VitalReading.of("p-001", VitalKind.SPO2, AT, percent), category, condition, severity);
    }

    @ParameterizedTest(name = "{0} °C is {1}")
    @CsvSource({
        "35.0, hypothermia, hypothermia, high",
        "35.1, normal, , ",
        "37.9, normal, , ",
        "38.0, fever, fever, warning",
        "39.0, fever, fever, warning",
        "39.1, high_fever, fever, high"
    })
    void temperature_feverFrom38(double celsius, String category, String condition, String severity) {
        assertClassified(VitalReading.of("p-001", VitalKind.TEMPERATURE, AT, celsius), category, condition, severity);
    }

    private static void assertClassified(VitalReading reading, String category, String condition, String severity) {
        Classification classification = ClinicalThresholds.classify(reading);
        assertThat(classification.category())
                .as("category of %s", reading.display())
                .isEqualTo(category);
        if (condition == null) {
            assertThat(classification.abnormality())
                    .as("finding of %s", reading.display())
                    .isEmpty();
            return;
        }
        Finding finding = classification.abnormality().orElseThrow();
        assertThat(finding.condition().wire())
                .as("condition of %s", reading.display())
                .isEqualTo(condition);
        assertThat(finding.severity().wire())
                .as("severity of %s", reading.display())
                .isEqualTo(severity);
        assertThat(finding.condition().kind()).isEqualTo(reading.kind());
    }
}
