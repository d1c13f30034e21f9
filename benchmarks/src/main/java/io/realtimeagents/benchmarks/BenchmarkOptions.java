package io.realtimeagents.benchmarks;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code --name=value} options of one benchmark run, and {@code --name} flags; every option given must be read, or
 * {@link #checkAllUsed} fails.
 */
public final class BenchmarkOptions {
    private static final Pattern DURATION_PART = Pattern.compile("(\\d{1,9})(ms|h|m|s)");

    private final Map<String, String> values;
    private final Set<String> used = new LinkedHashSet<>();

    private BenchmarkOptions(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Parses arguments of the form {@code --name=value}, and flags {@code --name} (the value {@code true}).
     *
     * @throws IllegalArgumentException naming the argument that has another form
     */
    public static BenchmarkOptions parse(List<String> arguments) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String argument : arguments) {
            int equals = argument.indexOf('=');
            if (!argument.startsWith("--") || equals == 2 || argument.length() < 3) {
                throw new IllegalArgumentException(
                        "Invalid argument '" + argument + "': options are written --name=value, flags --name");
            }
            if (equals < 0) {
                values.put(argument.substring(2), "true");
            } else {
                values.put(argument.substring(2, equals), argument.substring(equals + 1));
            }
        }
        return new BenchmarkOptions(values);
    }

    /**
     * A positive whole number option; underscores and commas may group digits ({@code 1_000_000}).
     *
     * @throws IllegalArgumentException naming the option and the bad value
     */
    public long positiveLong(String name, long defaultValue) {
        return wholeNumber(name, defaultValue, 1, "a positive whole number");
    }

    /**
     * A whole number option that may be 0; underscores and commas may group digits.
     *
     * @throws IllegalArgumentException naming the option and the bad value
     */
    public long nonNegativeLong(String name, long defaultValue) {
        return wholeNumber(name, defaultValue, 0, "a whole number, 0 or more");
    }

    /**
     * A positive duration option written as whole numbers with units {@code h}, {@code m}, {@code s} or {@code ms},
     * e.g. {@code 10m}, {@code 90s}, {@code 5m30s}, {@code 500ms}.
     *
     * @throws IllegalArgumentException naming the option and the bad value
     */
    public Duration duration(String name, Duration defaultValue) {
        used.add(name);
        String text = values.get(name);
        if (text == null) {
            return defaultValue;
        }
        Matcher part = DURATION_PART.matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (part.find() && part.start() == end) {
            long amount = Long.parseLong(part.group(1));
            total = total.plus(
                    switch (part.group(2)) {
                        case "h" -> Duration.ofHours(amount);
                        case "m" -> Duration.ofMinutes(amount);
                        case "s" -> Duration.ofSeconds(amount);
                        default -> Duration.ofMillis(amount);
                    });
            end = part.end();
        }
        if (end == 0 || end != text.length() || total.isZero()) {
            throw new IllegalArgumentException("Invalid value " + text + " for option --" + name
                    + ": must be a positive duration such as 10m, 90s, 5m30s or 500ms");
        }
        return total;
    }

    /**
     * A flag: true when given as {@code --name} or {@code --name=true}.
     *
     * @throws IllegalArgumentException naming the option when its value is neither true nor false
     */
    public boolean flag(String name) {
        used.add(name);
        String text = values.getOrDefault(name, "false");
        if (!text.equals("true") && !text.equals("false")) {
            throw new IllegalArgumentException(
                    "Invalid value " + text + " for option --" + name + ": a flag, written --" + name);
        }
        return text.equals("true");
    }

    /** Whether the option was given. */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** A text option, or {@code defaultValue} when it is not given. */
    public String string(String name, String defaultValue) {
        used.add(name);
        return values.getOrDefault(name, defaultValue);
    }

    /**
     * Fails on options that no one read, which are usually misspelt.
     *
     * @throws IllegalArgumentException naming the unknown options
     */
    public void checkAllUsed() {
        Set<String> unknown = new HashSet<>(values.keySet());
        unknown.removeAll(used);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown option(s) " + unknown + ": the known ones are " + used);
        }
    }

    private long wholeNumber(String name, long defaultValue, long min, String expected) {
        used.add(name);
        String text = values.get(name);
        if (text == null) {
            return defaultValue;
        }
        try {
            long value = Long.parseLong(text.replace("_", "").replace(",", ""));
            if (value >= min) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("Invalid value " + text + " for option --" + name + ": must be " + expected);
    }
}
