package io.realtimeagents.common.live;

import java.util.Locale;

/**
 * What happens when a message finds a WebSocket or SSE client's outbound buffer full ({@code LIVE_CLIENT_BUFFER_BYTES}):
 * the client reads more slowly than messages arrive.
 */
public enum SlowClientPolicy {
    /**
     * Close the connection with a reason (the default). Nothing is skipped silently: an {@code EventSource} reconnects
     * with {@code Last-Event-ID} and is replayed what it missed from the history; a WebSocket client learns it must
     * reconnect and re-read state.
     */
    CLOSE,
    /**
     * Skip the message for this client (counted in {@code realtime_live_messages_dropped_total}) and keep the
     * connection; a client whose buffer stays full for {@code LIVE_SLOW_CLIENT_TIMEOUT} is closed all the same.
     */
    DROP;

    /** Parses {@code close} or {@code drop}, ignoring case. */
    public static SlowClientPolicy parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }

    /** The configuration spelling. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
