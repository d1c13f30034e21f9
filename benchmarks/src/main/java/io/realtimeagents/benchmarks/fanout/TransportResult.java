package io.realtimeagents.benchmarks.fanout;

import java.util.HashMap;
import java.util.Map;

/**
 * What the clients of one transport received in the measured part of a run, for one event loop, one load generator
 * or, {@linkplain #merge merged}, all of them.
 *
 * @param transport {@code ws}, {@code sse} or, merged across transports, {@code all}
 * @param clients clients started
 * @param ready clients that connected and were ready to receive before the events started
 * @param held clients still connected at the end
 * @param delivered measured events received, each counted once per client
 * @param lost measured events a ready client never received
 * @param duplicates events a client received more than once
 * @param firstSent the earliest emit time ({@link System#nanoTime()}) of a measured event received
 * @param lastReceived the latest receive time of a measured event
 * @param latency emit-to-receive latencies of the measured events, in nanoseconds
 */
record TransportResult(
        String transport,
        long clients,
        long ready,
        long held,
        long delivered,
        long lost,
        long duplicates,
        long firstSent,
        long lastReceived,
        LatencyHistogram latency) {

    /**
     * Deliveries per second: from the first measured emission to the last reception, plus one period between events
     * (n events at a steady rate take n periods, of which the span between the first and the last covers n - 1); 0
     * without any.
     *
     * @param rate events emitted per second
     */
    double deliveriesPerSecond(long rate) {
        return delivered == 0 || lastReceived < firstSent
                ? 0
                : delivered * 1e9 / (lastReceived - firstSent + 1e9 / rate);
    }

    /** The sum of two results; the transport is kept when both have the same, else it is {@code transport}. */
    TransportResult merge(TransportResult other, String mergedTransport) {
        LatencyHistogram sum = new LatencyHistogram();
        sum.add(latency);
        sum.add(other.latency);
        return new TransportResult(
                transport.equals(other.transport) ? transport : mergedTransport,
                clients + other.clients,
                ready + other.ready,
                held + other.held,
                delivered + other.delivered,
                lost + other.lost,
                duplicates + other.duplicates,
                Math.min(firstSent, other.firstSent),
                Math.max(lastReceived, other.lastReceived),
                sum);
    }

    /** An empty result of a transport, to merge others into. */
    static TransportResult empty(String transport) {
        return new TransportResult(transport, 0, 0, 0, 0, 0, 0, Long.MAX_VALUE, Long.MIN_VALUE, new LatencyHistogram());
    }

    /** The result as {@code key=value} words without spaces in values, the form {@link #parse} reads. */
    String fields() {
        return "transport=" + transport + " clients=" + clients + " ready=" + ready + " held=" + held + " delivered="
                + delivered + " lost=" + lost + " duplicates=" + duplicates + " first_sent=" + firstSent
                + " last_received=" + lastReceived + " latency=" + latency.encode();
    }

    /** A result from the words {@link #fields} wrote. */
    static TransportResult parse(Map<String, String> fields) {
        Map<String, Long> numbers = new HashMap<>();
        fields.forEach((key, value) -> {
            if (!key.equals("transport") && !key.equals("latency")) {
                numbers.put(key, Long.parseLong(value));
            }
        });
        return new TransportResult(
                fields.get("transport"),
                numbers.get("clients"),
                numbers.get("ready"),
                numbers.get("held"),
                numbers.get("delivered"),
                numbers.get("lost"),
                numbers.get("duplicates"),
                numbers.get("first_sent"),
                numbers.get("last_received"),
                LatencyHistogram.decode(fields.get("latency")));
    }
}
