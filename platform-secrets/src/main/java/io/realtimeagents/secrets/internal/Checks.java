package io.realtimeagents.secrets.internal;

/**
 * The argument guards of this module: each message names the parameter and says what it must be, e.g.
 * {@code platform must not be null}. A null is a {@link NullPointerException}.
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
}
