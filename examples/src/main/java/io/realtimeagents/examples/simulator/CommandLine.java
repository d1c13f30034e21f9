package io.realtimeagents.examples.simulator;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Command-line arguments of the form {@code --name=value}, as the simulator and the health demo read them. */
public final class CommandLine {
    private final Map<String, String> values;

    private CommandLine(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Splits the arguments into options.
     *
     * @param usage the accepted arguments, for the message on an unknown one, e.g. {@code --seed=<n>}
     * @param names the accepted options with their dashes, e.g. {@code --seed}
     * @throws IllegalArgumentException naming an unknown argument and the accepted ones
     */
    public static CommandLine parse(String[] args, String usage, String... names) {
        List<String> known = List.of(names);
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            if (!known.contains(name)) {
                throw new IllegalArgumentException("Unknown argument " + arg + ": use " + usage);
            }
            values.put(name, eq < 0 ? "" : arg.substring(eq + 1));
        }
        return new CommandLine(values);
    }

    /** The text of an option, or {@code defaultValue} when it is not given. */
    public String text(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
    }

    /**
     * A whole number option, or {@code defaultValue} when it is not given.
     *
     * @throws IllegalArgumentException naming the option when its value is not an {@code int}
     */
    public int integer(String name, int defaultValue) {
        return parsed(name, defaultValue, Integer::parseInt);
    }

    /**
     * A whole number option, or {@code defaultValue} when it is not given.
     *
     * @throws IllegalArgumentException naming the option when its value is not a {@code long}
     */
    public long number(String name, long defaultValue) {
        return parsed(name, defaultValue, Long::parseLong);
    }

    /**
     * An option of whole milliseconds, or {@code defaultValue} when it is not given.
     *
     * @throws IllegalArgumentException naming the option when its value is not a number
     */
    public Duration millis(String name, Duration defaultValue) {
        return parsed(name, defaultValue, value -> Duration.ofMillis(Long.parseLong(value)));
    }

    private <T> T parsed(String name, T defaultValue, Function<String, T> parser) {
        String value = values.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            return parser.apply(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid value " + value + " for " + name + ": not a number", e);
        }
    }
}
