package io.realtimeagents.benchmarks.fanout;

/**
 * What one run of one contender measured.
 *
 * @param contender {@code baseline} or {@code agent}
 * @param scenario the load
 * @param ready clients that connected and were ready to receive
 * @param connectNanos how long connecting all clients took
 * @param connectError the first connection failure, {@code none} when none
 * @param empty the server's memory with no client, after start-up
 * @param idle the server's memory with every client connected, before any event
 * @param end the server after the events
 * @param emitted what the server's emitter did
 * @param webSocket what the WebSocket clients received
 * @param sse what the SSE clients received
 * @param cpu CPU time used from the first event to the end of the run
 */
record RunResult(
        String contender,
        Scenario scenario,
        long ready,
        long connectNanos,
        String connectError,
        ServerStats empty,
        ServerStats idle,
        ServerStats end,
        Emitted emitted,
        TransportResult webSocket,
        TransportResult sse,
        Cpu cpu) {

    /**
     * CPU time used over the active part of a run.
     *
     * @param elapsedNanos how long it lasted
     * @param serverNanos the server JVM
     * @param clientNanos the load-generator JVMs
     * @param kafkaNanos the Kafka broker's JVM (0 when none runs)
     * @param othersNanos every other process of the machine, this benchmark's own JVM included; -1 when unknown
     */
    record Cpu(long elapsedNanos, long serverNanos, long clientNanos, long kafkaNanos, long othersNanos) {}

    /**
     * What the emitter did, from its {@code EMITTED} line.
     *
     * @param events events emitted
     * @param skippedTicks ticks skipped while a fan-out was pending
     * @param counters the server's own counters, {@code key=value} words
     */
    record Emitted(long events, long skippedTicks, String counters) {}

    /** WebSocket and SSE clients together. */
    TransportResult all() {
        return webSocket.merge(sse, "all");
    }

    /** Clients started. */
    long clients() {
        return scenario.clients();
    }

    /** Deliveries per second of the clients of both transports. */
    double deliveriesPerSecond() {
        return all().deliveriesPerSecond(scenario.rate());
    }

    /** Heap per idle connection: growth of the heap in use after a full collection, per ready client, in bytes. */
    double heapPerConnection() {
        return perConnection(idle.heapBytes() - empty.heapBytes());
    }

    /** Off-heap (direct buffer) memory per idle connection, in bytes. */
    double offHeapPerConnection() {
        return perConnection(idle.offHeapBytes() - empty.offHeapBytes());
    }

    /** Growth of the resident set per idle connection, in bytes (the heap is pre-touched, so mostly native memory). */
    double rssPerConnection() {
        return perConnection(idle.rssBytes() - empty.rssBytes());
    }

    private double perConnection(long bytes) {
        return ready == 0 ? 0 : (double) bytes / ready;
    }
}
