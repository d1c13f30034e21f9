package io.realtimeagents.agent.internal;

/**
 * The argument guards of this module: each message names the parameter, says what it must be and shows the value
 * it was, e.g. {@code qos must be between 0 and 2, was 3}. A null is a {@link NullPointerException}, any other bad
 * value an {@link IllegalArgumentException}. The guards the framework's modules share are written once, in agent-common's
 * internal {@code Checks}; this class hands them on and keeps the checks only this module makes.
 */
public final class Checks {
    private Checks() {}

    /** Returns the value, or throws when it is null. */
    public static <T> T notNull(T value, String name) {
        return io.realtimeagents.common.internal.Checks.notNull(value, name);
    }

    /** Returns the number, or throws when it is outside {@code min..max}. */
    public static int between(int value, int min, int max, String name) {
        return io.realtimeagents.common.internal.Checks.between(value, min, max, name);
    }
}
