package io.realtimeagents.common.live;

import java.util.regex.Pattern;

/**
 * Names of live topics: what WebSocket clients subscribe to and SSE streams carry, e.g. {@code alerts},
 * {@code health_events} or {@code patient.p-17}. Emitted events travel on the topic named by their event type.
 */
public final class LiveTopics {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,199}");

    private LiveTopics() {}

    /** Whether the name is a valid live topic: 1-200 letters, digits, {@code . _ : -}, starting with a letter or digit. */
    public static boolean isValid(String topic) {
        return topic != null && NAME.matcher(topic).matches();
    }

    /**
     * Checks a live topic name.
     *
     * @throws IllegalArgumentException naming the topic and the allowed characters
     */
    public static String check(String topic) {
        if (!isValid(topic)) {
            throw new IllegalArgumentException("Invalid live topic '" + topic
                    + "': use 1-200 letters, digits, '.', '_', ':' or '-', starting with a letter or digit");
        }
        return topic;
    }
}
