package io.realtimeagents.examples.health;

import java.util.Objects;

/**
 * An abnormal reading: the condition it shows, how severe, and how to say it.
 *
 * @param condition the condition, e.g. {@link Condition#TACHYCARDIA}
 * @param severity how urgent it is
 * @param label the finding in words, e.g. {@code severe tachycardia}, {@code hypertensive crisis}
 */
public record Finding(Condition condition, Severity severity, String label) {
    /** Checks that nothing is missing. */
    public Finding {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(label, "label");
    }
}
