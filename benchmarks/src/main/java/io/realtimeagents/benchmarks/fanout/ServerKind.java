package io.realtimeagents.benchmarks.fanout;

import java.util.ArrayList;
import java.util.List;

/**
 * A contender: the server JVM's main class and arguments, and where its clients connect.
 *
 * @param name {@code baseline} or {@code agent}
 * @param main the server's main class, which speaks {@link ServerControl}'s protocol
 * @param arguments its program arguments
 * @param webSocketPath its WebSocket endpoint
 * @param ssePath its SSE endpoint
 */
record ServerKind(String name, Class<?> main, List<String> arguments, String webSocketPath, String ssePath) {
    /** The plain Netty server with {@code threads} event loops. */
    static ServerKind baseline(int threads) {
        return new ServerKind(
                "baseline",
                PlainNettyFanoutServer.class,
                List.of(Integer.toString(threads)),
                PlainNettyFanoutServer.WS_PATH,
                PlainFanoutHandler.SSE_PATH);
    }

    /**
     * The agent, against the broker at {@code bootstrapServers}.
     *
     * @param settings extra agent settings, {@code NAME=value}
     * @param ssePath the agent's SSE endpoint to read
     */
    static ServerKind agent(String bootstrapServers, List<String> settings, String ssePath) {
        List<String> arguments = new ArrayList<>();
        arguments.add(bootstrapServers);
        arguments.addAll(settings);
        return new ServerKind("agent", AgentFanoutServer.class, List.copyOf(arguments), "/ws", ssePath);
    }
}
