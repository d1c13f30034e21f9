package io.realtimeagents.common.live;

import io.realtimeagents.common.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A WebSocket endpoint besides {@code /ws}, whose connections are subscribed to topics on connect, e.g.
 * {@code /ws/health} auto-subscribed to {@code health_events} and {@code alerts}. In configuration:
 * {@code /ws/health=health_events|alerts}.
 *
 * @param path the URL path, {@code /ws} or below it
 * @param autoSubscribe topics every connection is subscribed to when it opens
 */
public record WebSocketEndpoint(String path, List<String> autoSubscribe) {
    private static final Pattern PATH = Pattern.compile("/ws(/[A-Za-z0-9._~-]+)*");

    /** Validates the path (under {@code /ws}) and the topic names. */
    public WebSocketEndpoint {
        Checks.notNull(path, "path");
        if (!PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("Invalid WebSocket endpoint path '" + path
                    + "': use /ws or a path below it made of letters, digits, '.', '_', '~' or '-', e.g. /ws/health");
        }
        autoSubscribe = List.copyOf(autoSubscribe == null ? List.of() : autoSubscribe);
        autoSubscribe.forEach(LiveTopics::check);
    }

    /** An endpoint subscribing its connections to the given topics. */
    public static WebSocketEndpoint of(String path, String... autoSubscribe) {
        return new WebSocketEndpoint(path, List.of(autoSubscribe));
    }

    /** Parses {@code <path>[=<topic>|<topic>...]}. */
    public static WebSocketEndpoint parse(String text) {
        int eq = text.indexOf('=');
        String path = (eq < 0 ? text : text.substring(0, eq)).trim();
        List<String> topics = new ArrayList<>();
        if (eq >= 0) {
            for (String topic : text.substring(eq + 1).split("\\|")) {
                if (!topic.isBlank()) {
                    topics.add(topic.trim());
                }
            }
        }
        return new WebSocketEndpoint(path, topics);
    }

    @Override
    public String toString() {
        return autoSubscribe.isEmpty() ? path : path + "=" + String.join("|", autoSubscribe);
    }
}
