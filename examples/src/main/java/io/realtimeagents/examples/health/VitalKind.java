package io.realtimeagents.examples.health;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The kinds of vital signs the health agents understand: the message type a reading travels under, its unit, and the
 * range of values a working device can physically report. A value outside that range is a measurement error, not a
 * clinical finding, so it is rejected rather than alerted on.
 */
public enum VitalKind {
    /** Arterial blood pressure, {@code {"systolic": 128, "diastolic": 82}} in mmHg. */
    BLOOD_PRESSURE(
            "blood_pressure",
            "Blood pressure",
            "mmHg",
            Set.of("mmhg", "mm hg"),
            List.of(new PlausibleRange("systolic", 50, 300), new PlausibleRange("diastolic", 20, 200))),
    /** Heart rate in beats per minute. */
    HEART_RATE(
            "heart_rate",
            "Heart rate",
            "bpm",
            Set.of("bpm", "/min", "beats/min", "1/min"),
            List.of(new PlausibleRange(VitalReading.VALUE, 20, 300))),
    /** Peripheral oxygen saturation (pulse oximetry) in percent. */
    SPO2("spo2", "SpO2", "%", Set.of("%", "percent"), List.of(new PlausibleRange(VitalReading.VALUE, 50, 100))),
    /** Body temperature in degrees Celsius. */
    TEMPERATURE(
            "temperature",
            "Temperature",
            "°C",
            Set.of("°c", "c", "degc", "celsius", "℃"),
            List.of(new PlausibleRange(VitalReading.VALUE, 30, 45)));

    private final String type;
    private final String label;
    private final String unit;
    private final Set<String> unitSpellings;
    private final List<PlausibleRange> ranges;

    VitalKind(String type, String label, String unit, Set<String> unitSpellings, List<PlausibleRange> ranges) {
        this.type = type;
        this.label = label;
        this.unit = unit;
        this.unitSpellings = unitSpellings;
        this.ranges = ranges;
    }

    /** The message type readings of this kind travel under, e.g. {@code blood_pressure}; also the MQTT topic level. */
    public String type() {
        return type;
    }

    /** How people call it, e.g. {@code Heart rate}. */
    public String label() {
        return label;
    }

    /** The unit readings must be in, e.g. {@code bpm}. */
    public String unit() {
        return unit;
    }

    /** The measured fields ({@code systolic}, {@code diastolic}, or just {@code value}) with their plausible ranges. */
    public List<PlausibleRange> ranges() {
        return ranges;
    }

    /** Whether the reading has a single number as its value (everything but blood pressure). */
    public boolean isSingleValued() {
        return ranges.size() == 1;
    }

    /** Whether a unit as devices write it means this kind's unit ({@code mmhg} for mmHg, {@code C} for °C). */
    public boolean accepts(String unitText) {
        return unitText != null && unitSpellings.contains(unitText.strip().toLowerCase(Locale.ROOT));
    }

    /** The kind of a message type, if it is one. */
    public static Optional<VitalKind> ofType(String type) {
        return Arrays.stream(values()).filter(kind -> kind.type.equals(type)).findFirst();
    }

    /** Every message type, for error messages: {@code blood_pressure, heart_rate, spo2, temperature}. */
    public static String types() {
        return Arrays.stream(values()).map(VitalKind::type).collect(Collectors.joining(", "));
    }

    /**
     * The values a working device can report for one field of a reading.
     *
     * @param field {@code value}, or {@code systolic}/{@code diastolic} for blood pressure
     * @param min the lowest plausible value
     * @param max the highest plausible value
     */
    public record PlausibleRange(String field, double min, double max) {
        /** Whether the value lies within the range, ends included. */
        public boolean contains(double value) {
            return value >= min && value <= max;
        }

        /** The range as text, e.g. {@code 20-300}. */
        @Override
        public String toString() {
            return VitalReading.format(min) + "-" + VitalReading.format(max);
        }
    }
}
