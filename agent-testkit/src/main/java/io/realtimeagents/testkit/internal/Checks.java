package io.realtimeagents.testkit.internal;

import java.time.Duration;
import java.util.regex.Pattern;

/** Argument guards whose messages name the parameter, the bad value and what is expected instead. */
public final class Checks {
    private static final Pattern LEGAL_TOPIC = Pattern.compile("[a-zA-Z0-9._-]+");
    private static final int MAX_TOPIC_LENGTH = 249;

    private Checks() {}

    /** Returns {@code value}, or throws if it is {@code null}. */
    public static <T> T notNull(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException("Invalid value null for " + name + ": must not be null");
        }
        return value;
    }

    /** Returns {@code value}, or throws if it is below one. */
    public static int positive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException("Invalid value " + value + " for " + name + ": must be at least 1");
        }
        return value;
    }

    /** Returns {@code value}, or throws if it is {@code null}, zero or negative. */
    public static Duration positive(Duration value, String name) {
        notNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("Invalid value " + value + " for " + name + ": must be positive");
        }
        return value;
    }

    /** Returns {@code value}, or throws if it is {@code null} or blank. */
    public static String notBlank(String value, String name) {
        notNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException("Invalid value '" + value + "' for " + name + ": must not be blank");
        }
        return value;
    }

    /** Returns {@code value}, or throws if Kafka would reject it as a topic name. */
    public static String topicName(String value, String name) {
        return topicName(value, name, MAX_TOPIC_LENGTH);
    }

    /** Returns {@code value}, or throws if it is not a legal topic name of at most {@code maxLength} characters. */
    public static String topicName(String value, String name, int maxLength) {
        notBlank(value, name);
        if (value.length() > maxLength || !LEGAL_TOPIC.matcher(value).matches()) {
            throw new IllegalArgumentException("Invalid value '" + value + "' for " + name + ": use at most "
                    + maxLength + " characters among a-z, A-Z, 0-9, '.', '_' and '-'");
        }
        return value;
    }
}
