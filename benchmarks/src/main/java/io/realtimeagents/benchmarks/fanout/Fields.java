package io.realtimeagents.benchmarks.fanout;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code key=value} words of the lines that the benchmark and its JVMs exchange; other words are skipped. */
final class Fields {
    private Fields() {}

    /** The {@code key=value} words of a line. */
    static Map<String, String> parse(String line) {
        return parse(line.trim().split("\\s+"));
    }

    /** The {@code key=value} words among {@code words}. */
    static Map<String, String> parse(String... words) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String word : words) {
            int equals = word.indexOf('=');
            if (equals > 0) {
                fields.put(word.substring(0, equals), word.substring(equals + 1));
            }
        }
        return fields;
    }

    /**
     * A whole-number field.
     *
     * @throws IllegalArgumentException naming the field when it is missing or not a number
     */
    static long number(Map<String, String> fields, String key) {
        String value = fields.get(key);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid value " + value + " for field " + key + " in " + fields, e);
        }
    }
}
