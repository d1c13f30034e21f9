package io.realtimeagents.examples.health;

import com.fasterxml.jackson.databind.JsonNode;
import io.realtimeagents.common.InvalidMessageException;
import io.realtimeagents.common.model.HealthDataModel;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a device's {@link HealthDataModel} into a {@link VitalReading}, or rejects it with an
 * {@link InvalidMessageException} whose message names the patient, the kind, the bad value and what was expected. A
 * handler that lets the exception propagate sends the message straight to the dead-letter topic (reason
 * {@code invalid}) and goes on with the next one.
 *
 * <p>Rejected are readings that are incomplete, of another kind than the message type says, of another patient than
 * the record key says, in another unit than the kind's (a temperature in °F is not converted: the device is
 * misconfigured), outside the kind's {@linkplain VitalKind.PlausibleRange plausible range}, or a blood pressure whose
 * systolic value is not above the diastolic one.
 */
public final class ReadingValidator {
    private ReadingValidator() {}

    /**
     * Validates a reading.
     *
     * @param data the reading as the device sent it
     * @param kind the kind its message type names
     * @param key the Kafka record key (the patient, as the bridge keys records), or null when there is none
     * @param receivedAt the time to use when the reading carries no timestamp
     * @return the reading with its values in the kind's unit
     * @throws InvalidMessageException saying what is wrong
     */
    public static VitalReading validate(HealthDataModel data, VitalKind kind, String key, Instant receivedAt) {
        String patient = data.patientId();
        List<String> problems = data.problems();
        if (!problems.isEmpty()) {
            throw rejected(data, kind, String.join("; ", problems));
        }
        if (!kind.type().equals(data.dataType())) {
            throw rejected(data, kind, "data_type '" + data.dataType() + "' does not match the message type");
        }
        if (key != null && !key.equals(patient)) {
            throw rejected(
                    data,
                    kind,
                    "patient_id differs from the record key '" + key + "' (the patient of the device's MQTT topic)");
        }
        if (data.unit() == null || data.unit().isBlank()) {
            throw rejected(data, kind, "unit is missing: send '" + kind.unit() + "'");
        }
        if (!kind.accepts(data.unit())) {
            throw rejected(
                    data, kind, "unit '" + data.unit() + "' is not " + kind.unit() + ", the unit of " + kind.type());
        }
        Map<String, Double> values = values(data, kind);
        if (kind == VitalKind.BLOOD_PRESSURE && values.get("systolic") <= values.get("diastolic")) {
            throw rejected(
                    data,
                    kind,
                    "systolic " + VitalReading.format(values.get("systolic")) + " mmHg is not above diastolic "
                            + VitalReading.format(values.get("diastolic")) + " mmHg");
        }
        Instant timestamp = data.timestamp() != null ? data.timestamp() : receivedAt;
        return new VitalReading(patient, data.deviceId(), kind, timestamp, values);
    }

    private static Map<String, Double> values(HealthDataModel data, VitalKind kind) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (VitalKind.PlausibleRange range : kind.ranges()) {
            double value = number(data, kind, range.field());
            if (!range.contains(value)) {
                throw rejected(
                        data,
                        kind,
                        describe(range.field(), kind) + VitalReading.format(value) + " " + kind.unit()
                                + " is outside the plausible range " + range + " " + kind.unit()
                                + " (a measurement error or a faulty device)");
            }
            values.put(range.field(), value);
        }
        return values;
    }

    private static double number(HealthDataModel data, VitalKind kind, String field) {
        JsonNode node = kind.isSingleValued() ? data.value() : data.value().get(field);
        if (node == null || !node.isNumber()) {
            String expected = kind.isSingleValued()
                    ? "value must be a number"
                    : "value must be an object with numbers 'systolic' and 'diastolic'";
            throw rejected(data, kind, expected + ", was " + data.value());
        }
        double value = node.doubleValue();
        if (!Double.isFinite(value)) {
            throw rejected(data, kind, describe(field, kind) + value + " is not a finite number");
        }
        return value;
    }

    private static String describe(String field, VitalKind kind) {
        return kind.isSingleValued() ? "value " : field + " ";
    }

    private static InvalidMessageException rejected(HealthDataModel data, VitalKind kind, String reason) {
        String patient = data.patientId() == null || data.patientId().isBlank() ? "(none)" : data.patientId();
        return new InvalidMessageException(
                "Rejected " + kind.type() + " reading of patient " + patient + ": " + reason);
    }
}
