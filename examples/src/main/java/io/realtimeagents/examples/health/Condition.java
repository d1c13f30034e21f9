package io.realtimeagents.examples.health;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A clinical condition an alert is about. Each is read from one kind of vital sign, and a patient has at most one
 * open episode per condition (see {@link EpisodeTracker}).
 */
public enum Condition {
    /** Blood pressure at or above stage 2 hypertension. */
    HYPERTENSION(VitalKind.BLOOD_PRESSURE),
    /** Heart rate above 100 bpm. */
    TACHYCARDIA(VitalKind.HEART_RATE),
    /** Heart rate below 50 bpm. */
    BRADYCARDIA(VitalKind.HEART_RATE),
    /** Oxygen saturation below 92 %. */
    HYPOXEMIA(VitalKind.SPO2),
    /** Body temperature at or above 38.0 °C. */
    FEVER(VitalKind.TEMPERATURE),
    /** Body temperature at or below 35.0 °C. */
    HYPOTHERMIA(VitalKind.TEMPERATURE);

    private final VitalKind kind;

    Condition(VitalKind kind) {
        this.kind = kind;
    }

    /** The kind of reading that shows the condition. */
    public VitalKind kind() {
        return kind;
    }

    /** The name on the wire and in messages: {@code tachycardia}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The conditions a kind of reading can show. */
    public static List<Condition> shownBy(VitalKind kind) {
        return Arrays.stream(values())
                .filter(condition -> condition.kind == kind)
                .toList();
    }
}
