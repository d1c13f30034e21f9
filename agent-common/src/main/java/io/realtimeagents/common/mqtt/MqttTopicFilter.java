package io.realtimeagents.common.mqtt;

import io.realtimeagents.common.internal.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An MQTT topic filter in the user-facing form: the MQTT wildcards {@code +} (one level) and {@code #} (any number of
 * trailing levels), plus named segments {@code {name}}, which match one level like {@code +} and expose its value to
 * handlers: {@code devices/{patient}/vitals/#} is subscribed as {@code devices/+/vitals/#}, and the topic
 * {@code devices/p1/vitals/heart_rate} yields {@code patient=p1}.
 */
public final class MqttTopicFilter {
    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]{0,63})}");

    private final String text;
    private final String brokerFilter;
    private final String[] levels;
    private final String[] variables;

    private MqttTopicFilter(String text, String[] levels, String[] variables) {
        this.text = text;
        this.levels = levels;
        this.variables = variables;
        this.brokerFilter = String.join("/", levels);
    }

    /**
     * Parses a filter such as {@code devices/{patient}/vitals/+}.
     *
     * @throws IllegalArgumentException naming the filter and what is wrong with it
     */
    public static MqttTopicFilter parse(String text) {
        Checks.notNull(text, "text");
        if (text.isEmpty()) {
            throw invalid(text, "it is empty");
        }
        if (text.startsWith("$share/")) {
            throw invalid(text, "give the filter without $share/<group>/; set MQTT_SHARED_GROUP to share it");
        }
        if (text.indexOf('\u0000') >= 0) {
            throw invalid(text, "it contains a NUL character");
        }
        String[] parts = text.split("/", -1);
        String[] levels = new String[parts.length];
        String[] variables = new String[parts.length];
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            var matcher = VARIABLE.matcher(part);
            if (matcher.matches()) {
                if (seen.contains(matcher.group(1))) {
                    throw invalid(text, "the segment {" + matcher.group(1) + "} appears twice");
                }
                seen.add(matcher.group(1));
                variables[i] = matcher.group(1);
                levels[i] = "+";
            } else if (part.contains("{") || part.contains("}")) {
                throw invalid(
                        text,
                        "'" + part + "' is not a named segment: use {name} alone in a level (letters, digits, _)");
            } else if (part.equals("#") && i != parts.length - 1) {
                throw invalid(text, "'#' must be the last level");
            } else if (!part.equals("#") && !part.equals("+") && (part.contains("#") || part.contains("+"))) {
                throw invalid(text, "the wildcards + and # must fill a whole level");
            } else {
                levels[i] = part;
            }
        }
        return new MqttTopicFilter(text, levels, variables);
    }

    private static IllegalArgumentException invalid(String text, String reason) {
        return new IllegalArgumentException("'" + text + "' is not a valid MQTT topic filter: " + reason);
    }

    /** The filter as written, with named segments. */
    public String text() {
        return text;
    }

    /** The filter as subscribed at the broker: named segments replaced by {@code +}. */
    public String brokerFilter() {
        return brokerFilter;
    }

    /** The names of the named segments, in order. */
    public List<String> variables() {
        return Arrays.stream(variables).filter(Objects::nonNull).toList();
    }

    /** Whether the filter has a named segment of that name. */
    public boolean hasVariable(String name) {
        return variables().contains(name);
    }

    /** Whether the filter has no wildcard and no named segment (it matches one topic). */
    public boolean isExact() {
        return Arrays.stream(levels).noneMatch(level -> level.equals("+") || level.equals("#"));
    }

    /**
     * Matches a topic.
     *
     * @return the values of the named segments (empty when it has none), or null when the topic does not match
     */
    public Map<String, String> match(String topic) {
        String[] parts = topic.split("/", -1);
        if (topic.startsWith("$") && (levels[0].equals("+") || levels[0].equals("#"))) {
            return null; // wildcards never match topics beginning with $ (MQTT 4.7.2)
        }
        Map<String, String> values = null;
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            if (level.equals("#")) {
                return values == null ? Map.of() : Collections.unmodifiableMap(values);
            }
            if (i >= parts.length || (!level.equals("+") && !level.equals(parts[i]))) {
                return null;
            }
            if (variables[i] != null) {
                if (values == null) {
                    values = new LinkedHashMap<>();
                }
                values.put(variables[i], parts[i]);
            }
        }
        if (parts.length != levels.length) {
            return null;
        }
        return values == null ? Map.of() : Collections.unmodifiableMap(values);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MqttTopicFilter filter && filter.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
