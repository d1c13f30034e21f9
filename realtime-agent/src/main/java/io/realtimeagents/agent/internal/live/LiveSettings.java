package io.realtimeagents.agent.internal.live;

import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.common.live.SlowClientPolicy;
import io.realtimeagents.common.live.WebSocketEndpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The live-delivery settings of one agent.
 *
 * @param endpoints WebSocket endpoints by path, {@code /ws} always among them
 * @param maxFrameBytes largest client message
 * @param maxSubscriptions topics per WebSocket connection
 * @param heartbeat interval of pings and SSE comments
 * @param idleTimeout silence after which a WebSocket connection is closed
 * @param clientBufferBytes outbound bytes that may wait per client
 * @param slowClientPolicy what a message that finds the buffer full does
 * @param slowClientTimeout how long a buffer may stay full
 * @param historySize messages kept per topic
 * @param historyMaxAge age after which kept messages go
 * @param sseRetry reconnect delay told to SSE clients
 */
public record LiveSettings(
        Map<String, WebSocketEndpoint> endpoints,
        int maxFrameBytes,
        int maxSubscriptions,
        Duration heartbeat,
        Duration idleTimeout,
        int clientBufferBytes,
        SlowClientPolicy slowClientPolicy,
        Duration slowClientTimeout,
        int historySize,
        Duration historyMaxAge,
        Duration sseRetry) {

    /** The settings of a configuration, with endpoints added in code. */
    public static LiveSettings from(AgentConfig config, List<WebSocketEndpoint> extraEndpoints) {
        List<WebSocketEndpoint> all = new ArrayList<>();
        all.add(WebSocketEndpoint.of("/ws"));
        all.addAll(config.get(AgentSettings.WEBSOCKET_ENDPOINTS));
        all.addAll(extraEndpoints);
        Map<String, WebSocketEndpoint> byPath = new LinkedHashMap<>();
        all.forEach(endpoint -> byPath.put(endpoint.path(), endpoint));
        return new LiveSettings(
                Map.copyOf(byPath),
                config.get(AgentSettings.WEBSOCKET_MAX_FRAME_BYTES),
                config.get(AgentSettings.WEBSOCKET_MAX_SUBSCRIPTIONS),
                config.get(AgentSettings.LIVE_HEARTBEAT_INTERVAL),
                config.get(AgentSettings.LIVE_IDLE_TIMEOUT),
                config.get(AgentSettings.LIVE_CLIENT_BUFFER_BYTES),
                config.get(AgentSettings.LIVE_SLOW_CLIENT_POLICY),
                config.get(AgentSettings.LIVE_SLOW_CLIENT_TIMEOUT),
                config.get(AgentSettings.LIVE_HISTORY_SIZE),
                config.get(AgentSettings.LIVE_HISTORY_MAX_AGE),
                config.get(AgentSettings.SSE_RETRY));
    }
}
