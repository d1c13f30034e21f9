package io.realtimeagents.agent.internal.live;

/** Why the server closed a live connection; the {@code reason} tag of {@code realtime_live_closed_total}. */
enum CloseReason {
    /** The client could not keep up: its outbound buffer was full. */
    SLOW("slow_client", 1008),
    /** A WebSocket client sent nothing, not even pongs, for the idle timeout. */
    IDLE("idle_timeout", 1001),
    /** The agent is stopping. */
    SHUTDOWN("shutdown", 1001),
    /** The client broke the protocol. */
    PROTOCOL("protocol_error", 1002),
    /** The client's token expired (its {@code exp} plus {@code LIVE_AUTH_CLOCK_SKEW}). */
    TOKEN_EXPIRED("token_expired", 4401);

    private final String tag;
    private final int webSocketCode;

    CloseReason(String tag, int webSocketCode) {
        this.tag = tag;
        this.webSocketCode = webSocketCode;
    }

    String tag() {
        return tag;
    }

    /** The WebSocket close status code sent with it. */
    int webSocketCode() {
        return webSocketCode;
    }
}
