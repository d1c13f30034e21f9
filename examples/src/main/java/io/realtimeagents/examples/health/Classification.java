package io.realtimeagents.examples.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a reading means clinically: its category, and the finding that deserves an alert, if any.
 *
 * @param category the reading's category, e.g. {@code normal}, {@code hypertension_stage_1}, {@code tachycardia}
 * @param finding the abnormal finding, or null when the reading needs no alert
 */
public record Classification(String category, Finding finding) {
    /** A reading that needs no alert. */
    public static Classification normal(String category) {
        return new Classification(category, null);
    }

    /** A reading that shows a condition. */
    public static Classification abnormal(String category, Condition condition, Severity severity, String label) {
        return new Classification(category, new Finding(condition, severity, label));
    }

    /** The finding, if the reading is abnormal. */
    public Optional<Finding> abnormality() {
        return Optional.ofNullable(finding);
    }

    /** The finding if it is about the condition, else null. */
    Finding findingOf(Condition condition) {
        return finding != null && finding.condition() == condition ? finding : null;
    }

    /** {@code {"category", "condition", "severity", "finding"}}, the last three only when abnormal. */
    public Map<String, Object> toWire() {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("category", category);
        if (finding != null) {
            wire.put("condition", finding.condition().wire());
            wire.put("severity", finding.severity().wire());
            wire.put("finding", finding.label());
        }
        return wire;
    }
}
