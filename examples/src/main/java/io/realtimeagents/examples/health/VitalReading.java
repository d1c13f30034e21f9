package io.realtimeagents.examples.health;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A validated vital-sign reading: its patient, kind and time, and its measured values in the kind's unit. Obtain one
 * from {@link ReadingValidator}; every value lies within the kind's plausible range.
 *
 * @param patientId the patient, e.g. {@code p-001}
 * @param deviceId the device that measured it, or null
 * @param kind what was measured
 * @param timestamp when it was measured
 * @param values the measured fields in the order of {@link VitalKind#ranges()}: {@code systolic} and
 *     {@code diastolic} for blood pressure, {@code value} otherwise
 */
public record VitalReading(
        String patientId, String deviceId, VitalKind kind, Instant timestamp, Map<String, Double> values) {
    /** The field name of single-valued readings. */
    public static final String VALUE = "value";

    /** Checks that the reading has a value for every field of its kind. */
    public VitalReading {
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(timestamp, "timestamp");
        Map<String, Double> ordered = new LinkedHashMap<>();
        for (VitalKind.PlausibleRange range : kind.ranges()) {
            Double value = values.get(range.field());
            if (value == null) {
                throw new IllegalArgumentException("A " + kind.type() + " reading needs a '" + range.field() + "'");
            }
            ordered.put(range.field(), value);
        }
        values = Collections.unmodifiableMap(ordered);
    }

    /** A single-valued reading (heart rate, SpO2, temperature). */
    public static VitalReading of(String patientId, VitalKind kind, Instant timestamp, double value) {
        return new VitalReading(patientId, null, kind, timestamp, Map.of(VALUE, value));
    }

    /** A blood-pressure reading. */
    public static VitalReading bloodPressure(String patientId, Instant timestamp, double systolic, double diastolic) {
        return new VitalReading(
                patientId,
                null,
                VitalKind.BLOOD_PRESSURE,
                timestamp,
                Map.of("systolic", systolic, "diastolic", diastolic));
    }

    /** The value of one field. */
    public double value(String field) {
        Double value = values.get(field);
        if (value == null) {
            throw new IllegalArgumentException(
                    "A " + kind.type() + " reading has no field '" + field + "'; it has " + values.keySet());
        }
        return value;
    }

    /** The value of a single-valued reading. */
    public double value() {
        return value(VALUE);
    }

    /** The values as people read them: {@code 128/82 mmHg}, {@code 72 bpm}, {@code 37.4 °C}. */
    public String display() {
        String measured =
                kind.isSingleValued() ? format(value()) : format(value("systolic")) + "/" + format(value("diastolic"));
        return measured + " " + kind.unit();
    }

    /**
     * The reading as the agents publish it:
     * {@code {"patient_id", "kind", "unit", "timestamp", "values": {"systolic": 128, "diastolic": 82}}}; whole numbers
     * are written without a fraction.
     */
    public Map<String, Object> toWire() {
        Map<String, Object> numbers = new LinkedHashMap<>();
        values.forEach((field, value) -> numbers.put(field, number(value)));
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("patient_id", patientId);
        wire.put("kind", kind.type());
        wire.put("unit", kind.unit());
        wire.put("timestamp", timestamp.toString());
        wire.put("values", numbers);
        return wire;
    }

    /** A number as JSON should show it: {@code 72} rather than {@code 72.0}, {@code 37.4} as it is. */
    static Number number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Number) (long) value : (Number) value;
    }

    /** A number as people read it: {@code 72}, {@code 37.4}. */
    static String format(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
