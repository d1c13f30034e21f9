package io.realtimeagents.agent.support;

import java.util.Map;
import java.util.OptionalDouble;

/** Reads samples out of the Prometheus text exposition format. */
public final class PrometheusText {
    private PrometheusText() {}

    /**
     * The value of the first sample named {@code name} that has all the given labels, or empty when there is none.
     */
    public static OptionalDouble value(String scrape, String name, Map<String, String> labels) {
        for (String line : scrape.split("\n")) {
            if (line.startsWith(name + "{") && hasLabels(line, labels)) {
                return OptionalDouble.of(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
            }
        }
        return OptionalDouble.empty();
    }

    /** Whether some sample named {@code name} has all the given labels. */
    public static boolean has(String scrape, String name, Map<String, String> labels) {
        return value(scrape, name, labels).isPresent();
    }

    private static boolean hasLabels(String line, Map<String, String> labels) {
        String labelText = line.substring(line.indexOf('{'), line.lastIndexOf('}') + 1);
        return labels.entrySet().stream()
                .allMatch(label -> labelText.contains(label.getKey() + "=\"" + label.getValue() + "\""));
    }
}
