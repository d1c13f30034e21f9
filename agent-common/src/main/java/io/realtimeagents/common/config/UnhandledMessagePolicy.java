package io.realtimeagents.common.config;

import java.util.Locale;

/** What happens to a message whose type has no registered handler. */
public enum UnhandledMessagePolicy {
    /** Send it to the dead-letter topic with the reason, so nothing is silently lost (the default). */
    DEAD_LETTER,
    /** Skip it: for topics that carry message types this agent does not care about. */
    IGNORE;

    static UnhandledMessagePolicy parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** The configuration spelling, e.g. {@code dead-letter}. */
    public String text() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
