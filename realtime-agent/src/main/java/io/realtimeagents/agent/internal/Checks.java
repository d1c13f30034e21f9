package io.realtimeagents.agent.internal;

/**
 * The argument guards of this module: each message names the parameter, says what it must be and shows the value
 * it was, e.g. {@code qos must be between 0 and 2, was 3}. A null is a {@link NullPointerException}, any other bad
 * value an {@link IllegalArgumentException}.
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

    /** Returns the number, or throws when it is outside {@code min..max}. */
    public static int between(int value, int min, int max, String name) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }
}
