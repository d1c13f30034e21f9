package io.realtimeagents.common.config;

import io.realtimeagents.common.ConfigurationException;
import io.realtimeagents.common.internal.Checks;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One declared setting: its property name (for {@code application.yml} and system properties), its environment
 * variable, its type (a parser from text), its default, a validator and its documentation.
 *
 * @param <T> the value type
 */
public final class Setting<T> {
    private final String property;
    private final String env;
    private final String doc;
    private final T defaultValue;
    private final String defaultText;
    private final boolean secret;
    private final Function<String, T> parser;
    private final Function<T, String> validator;

    Setting(Builder<T> builder) {
        this.property = Checks.notNull(builder.property, "property");
        this.env = Checks.notNull(builder.env, "env");
        this.doc = Checks.notNull(builder.doc, "doc");
        this.defaultValue = builder.defaultValue;
        this.defaultText = builder.defaultText != null
                ? builder.defaultText
                : builder.defaultValue == null ? "" : describe(builder.defaultValue);
        this.secret = builder.secret;
        this.parser = Checks.notNull(builder.parser, "parser");
        this.validator = builder.validator == null ? value -> null : builder.validator;
    }

    static <T> Builder<T> builder(String property, String env, Function<String, T> parser) {
        return new Builder<>(property, env, parser);
    }

    /** A builder whose environment variable is derived from the property, see {@link #envName(String)}. */
    static <T> Builder<T> builder(String property, Function<String, T> parser) {
        return new Builder<>(property, envName(property), parser);
    }

    /** The environment variable of a property: upper case, {@code .} and {@code -} as {@code _}. */
    static String envName(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** A default value as documented: durations as {@code 30s}, lists comma-separated, empty ones as (none). */
    static String describe(Object value) {
        if (value instanceof Duration duration) {
            long millis = duration.toMillis();
            if (millis != 0 && millis % 3_600_000 == 0) {
                return millis / 3_600_000 + "h";
            }
            if (millis != 0 && millis % 60_000 == 0) {
                return millis / 60_000 + "m";
            }
            return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
        }
        if (value instanceof Collection<?> items) {
            return items.isEmpty()
                    ? "(none)"
                    : items.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        if (value instanceof Map<?, ?> entries && entries.isEmpty()) {
            return "(none)";
        }
        return String.valueOf(value);
    }

    /** The property name, e.g. {@code kafka.bootstrap-servers}. */
    public String property() {
        return property;
    }

    /** The environment variable, e.g. {@code KAFKA_BOOTSTRAP_SERVERS}. */
    public String env() {
        return env;
    }

    /** What the setting means. */
    public String doc() {
        return doc;
    }

    /** The built-in default, or null when there is none. */
    public T defaultValue() {
        return defaultValue;
    }

    /** The default as documented (may describe a derived value, e.g. "the service name"). */
    public String defaultText() {
        return defaultText;
    }

    /** Whether the value is a secret that must never be printed. */
    public boolean secret() {
        return secret;
    }

    /**
     * Reads this setting from environment variables alone, for code that runs before (or apart from) the
     * {@link ConfigLoader}: the parsed and validated value of {@link #env()}, or the default when it is unset or
     * blank.
     *
     * @throws ConfigurationException naming the variable and the reason when its value is invalid
     */
    public T fromEnvironment(Map<String, String> variables) {
        String text = variables.get(env);
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        String reason;
        try {
            T value = parse(text);
            reason = problem(value);
            if (reason == null) {
                return value;
            }
        } catch (IllegalArgumentException e) {
            reason = e.getMessage();
        }
        throw new ConfigurationException("Invalid value " + (secret ? "[hidden]" : text) + " for configuration " + env
                + " (property " + property + ", from environment variable " + env + "): " + reason);
    }

    /** Parses text into a value, throwing {@link IllegalArgumentException} with the reason when it cannot. */
    T parse(String text) {
        return parser.apply(secret ? text : text.trim());
    }

    /** The problem with a value, or null when it is valid. */
    String problem(T value) {
        return validator.apply(value);
    }

    /** Shows a value, as {@code [hidden]} for secrets. */
    String show(Object value) {
        if (value == null) {
            return "(not set)";
        }
        if (secret) {
            return "[hidden]";
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        if (value instanceof Map<?, ?> entries) {
            return entries.entrySet().stream()
                    .map(entry -> entry.getKey() + "=" + entry.getValue())
                    .sorted()
                    .collect(Collectors.joining(","));
        }
        return String.valueOf(value);
    }

    @Override
    public String toString() {
        return env + " (" + property + ")";
    }

    static final class Builder<T> {
        private final String property;
        private final String env;
        private final Function<String, T> parser;
        private String doc;
        private T defaultValue;
        private String defaultText;
        private boolean secret;
        private Function<T, String> validator;

        private Builder(String property, String env, Function<String, T> parser) {
            this.property = property;
            this.env = env;
            this.parser = parser;
        }

        Builder<T> doc(String text) {
            this.doc = text;
            return this;
        }

        Builder<T> defaultValue(T value) {
            this.defaultValue = value;
            return this;
        }

        Builder<T> defaultText(String text) {
            this.defaultText = text;
            return this;
        }

        Builder<T> secret() {
            this.secret = true;
            return this;
        }

        Builder<T> validator(Function<T, String> check) {
            this.validator = check;
            return this;
        }

        Setting<T> build() {
            return new Setting<>(this);
        }
    }
}
