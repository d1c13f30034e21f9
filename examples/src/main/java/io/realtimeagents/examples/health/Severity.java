package io.realtimeagents.examples.health;

import java.util.Locale;

/** How urgently an alert needs attention, from least to most urgent. */
public enum Severity {
    /** Abnormal, to be reviewed: e.g. a heart rate just above 100 bpm. */
    WARNING,
    /** Needs prompt clinical review: e.g. SpO2 below 92 %. */
    HIGH,
    /** Needs immediate action: e.g. a hypertensive crisis. */
    CRITICAL;

    /** The name on the wire: {@code warning}, {@code high} or {@code critical}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this severity is more urgent than the other. */
    public boolean isAbove(Severity other) {
        return compareTo(other) > 0;
    }
}
