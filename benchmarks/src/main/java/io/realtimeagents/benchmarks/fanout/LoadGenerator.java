package io.realtimeagents.benchmarks.fanout;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.EventExecutor;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The load generator, in a JVM of its own: opens the clients of a {@link ClientPlan} (its program arguments), prints
 * {@code CONNECTED ready=.. failed=.. nanos=.. first_error=..}, then waits for commands on standard input:
 *
 * <ul>
 *   <li>{@code finish <events> <drain-millis>}: the server emitted {@code events} events; it waits until every ready
 *       client received every measured one, or until nothing arrived for {@code drain-millis}, then prints one {@code
 *       RESULT} line per transport ({@link TransportResult#fields}) and {@code DONE};
 *   <li>the end of standard input closes the clients and ends the JVM.
 * </ul>
 */
public final class LoadGenerator {
    private static final long POLL_MILLIS = 50;

    private final Map<EventExecutor, LoopStats> stats = new IdentityHashMap<>();

    private LoadGenerator(EventLoopGroup group, long warmupEvents) {
        for (EventExecutor loop : group) {
            stats.put(loop, new LoopStats(warmupEvents));
        }
    }

    /**
     * Runs one plan.
     *
     * @param args the plan, as {@link ClientPlan#arguments} writes it
     */
    public static void main(String[] args) throws Exception {
        PrintStream protocol = System.out;
        System.setOut(System.err);
        ClientPlan plan = ClientPlan.parse(args);
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(plan.threads(), NioIoHandler.newFactory());
        LoadGenerator generator = new LoadGenerator(group, plan.warmupEvents());
        Connector.Summary summary = new Connector(plan, group, generator.stats).connectAll();
        protocol.println("CONNECTED " + summary.fields());
        protocol.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] words = line.trim().split("\\s+");
            if (words[0].equals("finish")) {
                long events = Long.parseLong(words[1]);
                generator.awaitDeliveries(events, plan.warmupEvents(), summary.ready(), Long.parseLong(words[2]));
                protocol.println("RESULT " + generator.result(false, events).fields());
                protocol.println("RESULT " + generator.result(true, events).fields());
                protocol.println("DONE");
            } else {
                protocol.println("ERROR unknown command '" + line + "'");
            }
            protocol.flush();
        }
        // The kernel closes the connections; a graceful close of thousands would only add noise to the server's log.
        System.exit(0);
    }

    /** Waits until all measured events reached every ready client, or nothing arrived for {@code drainMillis}. */
    private void awaitDeliveries(long events, long warmupEvents, long readyClients, long drainMillis)
            throws InterruptedException, ExecutionException {
        long expected = Math.max(0, events - warmupEvents) * readyClients;
        long last = -1;
        long lastChange = System.nanoTime();
        while (true) {
            long delivered = sum(LoopStats::delivered);
            if (delivered >= expected) {
                return;
            }
            if (delivered != last) {
                last = delivered;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > TimeUnit.MILLISECONDS.toNanos(drainMillis)) {
                return;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private long sum(Function<LoopStats, Long> reading) throws InterruptedException, ExecutionException {
        long sum = 0;
        for (Map.Entry<EventExecutor, LoopStats> loop : stats.entrySet()) {
            sum += loop.getKey().submit(() -> reading.apply(loop.getValue())).get();
        }
        return sum;
    }

    private TransportResult result(boolean sse, long events) throws InterruptedException, ExecutionException {
        TransportResult merged = TransportResult.empty(sse ? "sse" : "ws");
        for (Map.Entry<EventExecutor, LoopStats> loop : stats.entrySet()) {
            TransportResult part = loop.getKey()
                    .submit(() -> loop.getValue().result(sse, events))
                    .get();
            merged = merged.merge(part, "all");
        }
        return merged;
    }
}
