package io.realtimeagents.common.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One health reading streamed from a device: {@code {"patient_id", "device_id", "data_type", "value", "unit",
 * "timestamp", "metadata"}}. The value is a number (heart rate) or an object (blood pressure with {@code systolic}
 * and {@code diastolic}).
 *
 * @param patientId the patient the reading belongs to; also the natural Kafka key
 * @param deviceId the device that measured it, optional
 * @param dataType the kind of reading, e.g. {@code blood_pressure}
 * @param value the measured value
 * @param unit the unit of the value, e.g. {@code mmHg}
 * @param timestamp when it was measured
 * @param metadata free-form extra fields
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HealthDataModel(
        String patientId,
        String deviceId,
        String dataType,
        JsonNode value,
        String unit,
        Instant timestamp,
        Map<String, Object> metadata) {

    /**
     * The problems that make this reading unusable, empty when it is well formed. Checks presence and shape only;
     * clinical ranges belong to the agent that knows the data type.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (patientId == null || patientId.isBlank()) {
            problems.add("patient_id is missing");
        }
        if (dataType == null || dataType.isBlank()) {
            problems.add("data_type is missing");
        }
        if (value == null || value.isNull() || value.isMissingNode()) {
            problems.add("value is missing");
        } else if (!value.isNumber() && !value.isObject()) {
            problems.add("value must be a number or an object, was " + value.getNodeType());
        }
        return problems;
    }

    /** A numeric field of an object value (e.g. {@code number("systolic")}), or the value itself for "". */
    public double number(String field) {
        JsonNode node = field.isEmpty() ? value : value == null ? null : value.get(field);
        if (node == null || !node.isNumber()) {
            throw new IllegalArgumentException("Reading of " + dataType + " for patient " + patientId
                    + " has no numeric value" + (field.isEmpty() ? "" : " field '" + field + "'"));
        }
        return node.doubleValue();
    }
}
