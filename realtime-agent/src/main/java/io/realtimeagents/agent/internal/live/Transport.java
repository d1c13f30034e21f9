package io.realtimeagents.agent.internal.live;

/** How a live client is connected; the {@code transport} tag of the live metrics. */
enum Transport {
    WEBSOCKET("websocket"),
    SSE("sse");

    private final String tag;

    Transport(String tag) {
        this.tag = tag;
    }

    /** The metric tag and status field name. */
    String tag() {
        return tag;
    }
}
