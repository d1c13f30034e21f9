package io.realtimeagents.common.internal;

import java.time.Duration;

/**
 * The argument guards of this module: each message names the parameter, says what it must be and shows the value
 * it was, e.g. {@code maxRetries must be at least 0, was -1}. A null is a {@link NullPointerException}, any other bad
 * value an {@link IllegalArgumentException}. The framework's other modules (realtime-agent, platform-secrets) hand
 * the guards they share with this one on through their own {@code Checks}, so each message is written once.
 */
public final class Checks {
    private Checks() {}

    /** Returns the value, or throws when it is null. */
    public static <T> T notNull(T value, String name) {
        if (value == null) {
            throw new NullPointerException(name + " must not be null");
        }
        return value;
    }

    /** Returns the text, or throws when it is null or blank. */
    public static String notBlank(String value, String name) {
        notNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank, was '" + value + "'");
        }
        return value;
    }

    /** Returns the number, or throws when it is below {@code min}. */
    public static int atLeast(int value, int min, String name) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", was " + value);
        }
        return value;
    }

    /** Returns the number, or throws when it is outside {@code min..max}. */
    public static int between(int value, int min, int max, String name) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    /** Returns the duration, or throws when it is null or negative. */
    public static Duration notNegative(Duration value, String name) {
        notNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
        return value;
    }
}
