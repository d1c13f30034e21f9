package io.realtimeagents.benchmarks.fanout;

import java.util.Locale;

/**
 * One load: how many clients, of which SSE, and how many events per second, for how long.
 *
 * @param name how the report calls it: {@code 1} and {@code 2} for the loads, {@code quick}, {@code custom},
 *     with {@code with headroom} for a rerun at two thirds of the rate the plain server sustained
 * @param clients WebSocket and SSE clients together
 * @param sseClients of which SSE
 * @param rate events emitted per second, each delivered to every client
 * @param seconds measured seconds of emission
 * @param warmupSeconds seconds of emission before, not measured: {@link #WARMUP_SECONDS} for the loads
 */
record Scenario(String name, int clients, int sseClients, long rate, long seconds, long warmupSeconds) {
    /**
     * Seconds of emission to connected clients before measuring. The JIT compiles a server's delivery path only once
     * clients receive: with 5 s, the agent's JVM was still running C2 in the measured window (258 compilations in its
     * last 27 s, against 118 for the plain server; 2.1-2.7 CPU s), taking CPU from the very deliveries measured.
     */
    static final long WARMUP_SECONDS = 20;

    /** The first load: 10,000 clients (9,000 WebSocket, 1,000 SSE) at 10 events/s. */
    static final Scenario TEN_THOUSAND = new Scenario("1", 10_000, 1_000, 10, 20, WARMUP_SECONDS);
    /** The second load: 2,000 clients (1,800 WebSocket, 200 SSE) at 50 events/s. */
    static final Scenario TWO_THOUSAND = new Scenario("2", 2_000, 200, 50, 20, WARMUP_SECONDS);
    /** A smoke run of a few seconds: 500 clients (450 WebSocket, 50 SSE) at 10 events/s. */
    static final Scenario QUICK = new Scenario("quick", 500, 50, 10, 5, 2);

    private static final String WITH_HEADROOM = " with headroom";
    private static final int SHED_LIMIT_PERCENT = 5;

    /** Checks the values against each other. */
    Scenario {
        if (sseClients > clients) {
            throw new IllegalArgumentException("Invalid value " + sseClients + " for option --sse-clients: must not"
                    + " exceed --clients (" + clients + ")");
        }
    }

    /**
     * This load with the headroom the figures have, when this machine has less. The reference machine
     * carries its loads at two thirds of its capacity (100,000 of about 150,000 deliveries/s); where the plain server
     * skipped more than {@value #SHED_LIMIT_PERCENT}% of its ticks, this machine saturates below the load, and the
     * rerun is at two thirds of the event rate the plain server sustained: the same share of this machine. Null when
     * the plain server kept up (or two thirds of what it sustained is under one event per second), and for a
     * scenario that is already such a rerun.
     *
     * @param skippedTicks ticks the plain server skipped over its runs of this scenario
     * @param runs how many runs of the plain server those were
     */
    Scenario withHeadroom(long skippedTicks, int runs) {
        long ticks = ticks() * runs;
        if (name.endsWith(WITH_HEADROOM) || ticks == 0 || skippedTicks * 100 <= ticks * SHED_LIMIT_PERCENT) {
            return null;
        }
        long rate = Math.round(sustainedRate(skippedTicks, runs) * 2 / 3);
        return rate < 1 ? null : new Scenario(name + WITH_HEADROOM, clients, sseClients, rate, seconds, warmupSeconds);
    }

    /** Events/s the plain server sustained over its runs of this scenario, having skipped {@code skippedTicks}. */
    double sustainedRate(long skippedTicks, int runs) {
        long ticks = ticks() * runs;
        return ticks == 0 ? 0 : rate * (double) (ticks - skippedTicks) / ticks;
    }

    int webSocketClients() {
        return clients - sseClients;
    }

    /** Ticks of the emitter, warm-up included. */
    long ticks() {
        return rate * (warmupSeconds + seconds);
    }

    /** Events of the warm-up. */
    long warmupEvents() {
        return rate * warmupSeconds;
    }

    /** One line for the report. */
    String describe() {
        return String.format(
                Locale.ROOT,
                "%,d clients (%,d WebSocket + %,d SSE) at %,d events/s: %,d deliveries/s offered, %d s warm-up + %d s"
                        + " measured",
                clients,
                webSocketClients(),
                sseClients,
                rate,
                clients * rate,
                warmupSeconds,
                seconds);
    }
}
