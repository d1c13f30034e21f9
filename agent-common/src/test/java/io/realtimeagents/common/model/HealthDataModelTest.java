package io.realtimeagents.common.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.realtimeagents.common.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HealthDataModelTest {

    private static HealthDataModel decode(String json) {
        return Json.decode(json.getBytes(StandardCharsets.UTF_8), HealthDataModel.class);
    }

    @Test
    void decode_bloodPressureReading_fromPythonJson() {
        HealthDataModel reading = decode("""
                {"patient_id": "12345", "device_id": "cuff-7", "data_type": "blood_pressure",
                 "value": {"systolic": 150, "diastolic": 95}, "unit": "mmHg",
                 "timestamp": "2024-01-15T10:30:00", "metadata": {"position": "sitting"}}
                """);

        assertThat(reading.patientId()).isEqualTo("12345");
        assertThat(reading.deviceId()).isEqualTo("cuff-7");
        assertThat(reading.dataType()).isEqualTo("blood_pressure");
        assertThat(reading.unit()).isEqualTo("mmHg");
        assertThat(reading.timestamp()).isEqualTo(Instant.parse("2024-01-15T10:30:00Z"));
        assertThat(reading.metadata()).containsEntry("position", "sitting");
        assertThat(reading.problems()).isEmpty();
        assertThat(reading.number("systolic")).isEqualTo(150.0);
        assertThat(reading.number("diastolic")).isEqualTo(95.0);
    }

    @Test
    void number_emptyField_isTheNumericValueItself() {
        HealthDataModel reading = decode("{\"patient_id\":\"p\",\"data_type\":\"heart_rate\",\"value\":72.5}");

        assertThat(reading.problems()).isEmpty();
        assertThat(reading.number("")).isEqualTo(72.5);
    }

    @Test
    void number_missingField_namesReadingPatientAndField() {
        HealthDataModel reading = decode(
                "{\"patient_id\":\"p1\",\"data_type\":\"blood_pressure\"," + "\"value\":{\"systolic\":\"high\"}}");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> reading.number("diastolic"))
                .withMessage("Reading of blood_pressure for patient p1 has no numeric value field 'diastolic'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> reading.number("systolic"))
                .withMessage("Reading of blood_pressure for patient p1 has no numeric value field 'systolic'");
    }

    @Test
    void number_noValue_namesReading() {
        HealthDataModel reading = new HealthDataModel("p1", null, "heart_rate", null, null, null, null);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> reading.number(""))
                .withMessage("Reading of heart_rate for patient p1 has no numeric value");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> reading.number("systolic"))
                .withMessage("Reading of heart_rate for patient p1 has no numeric value field 'systolic'");
    }

    @Test
    void problems_missingFields_areAllListed() {
        HealthDataModel reading = decode("{\"patient_id\":\" \",\"value\":null}");

        assertThat(reading.problems())
                .containsExactly("patient_id is missing", "data_type is missing", "value is missing");
    }

    @Test
    void problems_valueOfWrongShape_namesTheShape() {
        assertThat(decode("{\"patient_id\":\"p\",\"data_type\":\"t\",\"value\":\"72\"}")
                        .problems())
                .containsExactly("value must be a number or an object, was STRING");
        assertThat(decode("{\"patient_id\":\"p\",\"data_type\":\"t\",\"value\":[1]}")
                        .problems())
                .containsExactly("value must be a number or an object, was ARRAY");
    }

    @Test
    void json_omitsNullFieldsAndUsesSnakeCase() {
        HealthDataModel reading = decode("{\"patient_id\":\"p\",\"data_type\":\"heart_rate\",\"value\":60}");

        assertThat(Json.encodeToString(reading))
                .isEqualTo("{\"patient_id\":\"p\",\"data_type\":\"heart_rate\",\"value\":60}");
    }
}
