package io.realtimeagents.benchmarks.fanout;

import java.util.List;
import java.util.Map;

/**
 * What one load-generator JVM does: how many WebSocket and SSE clients it opens to which server, from which loopback
 * source addresses, how fast, and which events are warm-up. Passed to it as {@code key=value} arguments.
 *
 * @param port the server's port on 127.0.0.1
 * @param webSocketPath the WebSocket endpoint, e.g. {@code /ws}
 * @param ssePath the SSE endpoint, e.g. {@code /stream/events}
 * @param webSockets WebSocket clients to open
 * @param sse SSE clients to open
 * @param firstIndex the index of its first client among all clients of the run, which picks source addresses
 * @param sourceAddresses how many loopback source addresses the run's clients spread over: 127.0.0.1, 127.0.0.2, ...
 * @param inFlight connections that may be opening (handshake not done) at once
 * @param threads event loops
 * @param warmupEvents events numbered below it are warm-up, not measured
 */
record ClientPlan(
        int port,
        String webSocketPath,
        String ssePath,
        int webSockets,
        int sse,
        int firstIndex,
        int sourceAddresses,
        int inFlight,
        int threads,
        long warmupEvents) {

    /** All clients of this plan. */
    int clients() {
        return webSockets + sse;
    }

    /** The loopback source address of the run's client number {@code index}: 127.0.0.1, 127.0.0.2, ... */
    String sourceAddress(int index) {
        int address = index % sourceAddresses;
        return "127.0." + address / 254 + "." + (address % 254 + 1);
    }

    /** The plan as program arguments, for {@link #parse}. */
    List<String> arguments() {
        return List.of(
                "port=" + port,
                "ws_path=" + webSocketPath,
                "sse_path=" + ssePath,
                "ws=" + webSockets,
                "sse=" + sse,
                "first_index=" + firstIndex,
                "source_addresses=" + sourceAddresses,
                "in_flight=" + inFlight,
                "threads=" + threads,
                "warmup_events=" + warmupEvents);
    }

    /** A plan from the arguments {@link #arguments} wrote. */
    static ClientPlan parse(String... arguments) {
        Map<String, String> fields = Fields.parse(arguments);
        return new ClientPlan(
                (int) Fields.number(fields, "port"),
                fields.get("ws_path"),
                fields.get("sse_path"),
                (int) Fields.number(fields, "ws"),
                (int) Fields.number(fields, "sse"),
                (int) Fields.number(fields, "first_index"),
                (int) Fields.number(fields, "source_addresses"),
                (int) Fields.number(fields, "in_flight"),
                (int) Fields.number(fields, "threads"),
                Fields.number(fields, "warmup_events"));
    }
}
