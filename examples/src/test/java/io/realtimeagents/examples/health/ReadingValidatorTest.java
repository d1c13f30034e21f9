package io.realtimeagents.examples.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.realtimeagents.common.InvalidMessageException;
import io.realtimeagents.common.model.HealthDataModel;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReadingValidatorTest {
    private static final Instant AT = Instant.parse("2025-03-01T10:15:30Z");
    private static final Instant RECEIVED = Instant.parse("2025-03-01T10:15:31Z");

    @Test
    void validBloodPressure_keepsPatientTimeAndValues() {
        VitalReading reading = ReadingValidator.validate(
                Readings.pressure("p-001", 128, 82, AT), VitalKind.BLOOD_PRESSURE, "p-001", RECEIVED);

        assertThat(reading.patientId()).isEqualTo("p-001");
        assertThat(reading.deviceId()).isEqualTo("monitor-p-001");
        assertThat(reading.timestamp()).isEqualTo(AT);
        assertThat(reading.values()).containsExactly(Map.entry("systolic", 128.0), Map.entry("diastolic", 82.0));
        assertThat(reading.display()).isEqualTo("128/82 mmHg");
        assertThat(reading.toWire())
                .containsEntry("patient_id", "p-001")
                .containsEntry("kind", "blood_pressure")
                .containsEntry("unit", "mmHg")
                .containsEntry("timestamp", "2025-03-01T10:15:30Z")
                .containsEntry("values", Map.of("systolic", 128L, "diastolic", 82L));
    }

    @Test
    void readingWithoutTimestamp_takesTheReceivedTime() {
        VitalReading reading = ReadingValidator.validate(
                Readings.single("p-001", VitalKind.HEART_RATE, 72, null), VitalKind.HEART_RATE, null, RECEIVED);

        assertThat(reading.timestamp()).isEqualTo(RECEIVED);
    }

    @ParameterizedTest
    @CsvSource({
        "heart_rate, BPM",
        "heart_rate, /min",
        "temperature, C",
        "temperature, celsius",
        "spo2, %",
        "blood_pressure, mmhg"
    })
    void commonSpellingsOfTheUnit_areAccepted(String type, String unit) {
        VitalKind kind = VitalKind.ofType(type).orElseThrow();
        Object value = kind == VitalKind.BLOOD_PRESSURE ? Map.of("systolic", 120, "diastolic", 80) : 37;
        HealthDataModel data = Readings.model("p-001", type, kind == VitalKind.SPO2 ? 97 : value, unit, AT);

        assertThat(ReadingValidator.validate(data, kind, null, RECEIVED).kind()).isEqualTo(kind);
    }

    @ParameterizedTest
    @CsvSource({
        "heart_rate, 19, 'value 19 bpm is outside the plausible range 20-300 bpm'",
        "heart_rate, 301, 'value 301 bpm is outside the plausible range 20-300 bpm'",
        "spo2, 49, 'value 49 % is outside the plausible range 50-100 %'",
        "spo2, 100.5, 'value 100.5 % is outside the plausible range 50-100 %'",
        "temperature, 29.9, 'value 29.9 °C is outside the plausible range 30-45 °C'",
        "temperature, 45.1, 'value 45.1 °C is outside the plausible range 30-45 °C'"
    })
    void impossibleValue_isRejectedNamingPatientKindValueAndRange(String type, double value, String reason) {
        VitalKind kind = VitalKind.ofType(type).orElseThrow();

        assertThatThrownBy(() ->
                        ReadingValidator.validate(Readings.single("p-007", kind, value, AT), kind, "p-007", RECEIVED))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessage("Rejected " + type + " reading of patient p-007: " + reason
                        + " (a measurement error or a faulty device)");
    }

    @Test
    void plausibleRangeEnds_areAccepted() {
        for (double bpm : new double[] {20, 300}) {
            assertThat(ReadingValidator.validate(
                                    Readings.single("p-001", VitalKind.HEART_RATE, bpm, AT),
                                    VitalKind.HEART_RATE,
                                    null,
                                    RECEIVED)
                            .value())
                    .isEqualTo(bpm);
        }
    }

    @Test
    void bloodPressureOutOfRange_namesTheField() {
        assertThatThrownBy(() -> ReadingValidator.validate(
                        Readings.pressure("p-002", 320, 90, AT), VitalKind.BLOOD_PRESSURE, null, RECEIVED))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("patient p-002: systolic 320 mmHg is outside the plausible range 50-300 mmHg");
        assertThatThrownBy(() -> ReadingValidator.validate(
                        Readings.pressure("p-002", 120, 15, AT), VitalKind.BLOOD_PRESSURE, null, RECEIVED))
                .hasMessageContaining("diastolic 15 mmHg is outside the plausible range 20-200 mmHg");
    }

    @Test
    void systolicNotAboveDiastolic_isRejected() {
        assertThatThrownBy(() -> ReadingValidator.validate(
                        Readings.pressure("p-003", 80, 80, AT), VitalKind.BLOOD_PRESSURE, null, RECEIVED))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessage("Rejected blood_pressure reading of patient p-003: systolic 80 mmHg is not above"
                        + " diastolic 80 mmHg");
    }

    @Test
    void wrongUnit_isRejectedNotConverted() {
        HealthDataModel fahrenheit = Readings.model("p-004", "temperature", 101.3, "°F", AT);

        assertThatThrownBy(() -> ReadingValidator.validate(fahrenheit, VitalKind.TEMPERATURE, null, RECEIVED))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessage("Rejected temperature reading of patient p-004: unit '°F' is not °C, the unit of"
                        + " temperature");
    }

    @Test
    void missingUnit_isRejectedSayingWhichToSend() {
        HealthDataModel data = Readings.model("p-004", "spo2", 97, null, AT);

        assertThatThrownBy(() -> ReadingValidator.validate(data, VitalKind.SPO2, null, RECEIVED))
                .hasMessage("Rejected spo2 reading of patient p-004: unit is missing: send '%'");
    }

    @Test
    void incompleteReading_listsEveryProblem() {
        HealthDataModel data = new HealthDataModel(null, null, "heart_rate", null, "bpm", AT, null);

        assertThatThrownBy(() -> ReadingValidator.validate(data, VitalKind.HEART_RATE, null, RECEIVED))
                .hasMessage("Rejected heart_rate reading of patient (none): patient_id is missing; value is missing");
    }

    @Test
    void valueOfTheWrongShape_isRejected() {
        HealthDataModel text = Readings.model("p-005", "heart_rate", Map.of("bpm", 72), "bpm", AT);
        HealthDataModel number = Readings.model("p-005", "blood_pressure", 120, "mmHg", AT);

        assertThatThrownBy(() -> ReadingValidator.validate(text, VitalKind.HEART_RATE, null, RECEIVED))
                .hasMessage("Rejected heart_rate reading of patient p-005: value must be a number, was {\"bpm\":72}");
        assertThatThrownBy(() -> ReadingValidator.validate(number, VitalKind.BLOOD_PRESSURE, null, RECEIVED))
                .hasMessage("Rejected blood_pressure reading of patient p-005: value must be an object with numbers"
                        + " 'systolic' and 'diastolic', was 120");
    }

    @Test
    void dataTypeOtherThanTheMessageType_isRejected() {
        HealthDataModel data = Readings.single("p-006", VitalKind.SPO2, 97, AT);

        assertThatThrownBy(() -> ReadingValidator.validate(data, VitalKind.HEART_RATE, null, RECEIVED))
                .hasMessage("Rejected heart_rate reading of patient p-006: data_type 'spo2' does not match the message"
                        + " type");
    }

    @Test
    void patientOtherThanTheRecordKey_isRejected() {
        HealthDataModel data = Readings.single("p-006", VitalKind.HEART_RATE, 72, AT);

        assertThatThrownBy(() -> ReadingValidator.validate(data, VitalKind.HEART_RATE, "p-001", RECEIVED))
                .hasMessage("Rejected heart_rate reading of patient p-006: patient_id differs from the record key"
                        + " 'p-001' (the patient of the device's MQTT topic)");
    }
}
