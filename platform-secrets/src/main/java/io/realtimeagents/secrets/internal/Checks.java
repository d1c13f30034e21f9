package io.realtimeagents.secrets.internal;

/**
 * The argument guards of this module: each message names the parameter and says what it must be, e.g.
 * {@code platform must not be null}. A null is a {@link NullPointerException}. The guards the framework's modules
 * share are written once, in agent-common's internal {@code Checks}; this class hands them on and keeps the checks
 * only this module makes.
 */
public final class Checks {
    private Checks() {}

    /** Returns the value, or throws when it is null. */
    public static <T> T notNull(T value, String name) {
        return io.realtimeagents.common.internal.Checks.notNull(value, name);
    }
}
