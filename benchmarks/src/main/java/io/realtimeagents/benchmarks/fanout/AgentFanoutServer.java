package io.realtimeagents.benchmarks.fanout;

import io.realtimeagents.agent.RealtimeAgent;
import io.realtimeagents.agent.RealtimeAgents;
import io.realtimeagents.agent.RunningAgent;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agent contender: a {@link RealtimeAgent} without handlers, started with {@link RealtimeAgents#app} against the
 * benchmark's Kafka broker, serving its own WebSocket ({@code /ws}) and SSE ({@code /stream/events}) endpoints; its
 * emitter calls {@code broadcast("bench", data)}, so every event travels through the live Kafka topic before the
 * agent fans it out. Driven by the benchmark through {@link ServerControl}, in a JVM of its own.
 *
 * <p>Arguments: the Kafka bootstrap servers, then optional agent settings {@code NAME=value} (environment names, e.g.
 * {@code LIVE_HISTORY_SIZE=0}).
 */
public final class AgentFanoutServer implements ServerControl.Target {
    private static final String SERVICE_NAME = "fanout-agent";
    private static final Pattern TOTAL_CONNECTIONS = Pattern.compile("\"total_connections\"\\s*:\\s*(\\d+)");

    private final RunningAgent running;
    private final HttpClient http = HttpClient.newHttpClient();
    private final LongAdder failed = new LongAdder();
    private final AtomicReference<String> firstFailure = new AtomicReference<>("none");
    private final LatencyHistogram acknowledged = new LatencyHistogram(); // guarded by itself

    private AgentFanoutServer(RunningAgent running) {
        this.running = running;
    }

    /**
     * Starts the agent on a free port and serves until standard input ends.
     *
     * @param args the bootstrap servers, then {@code NAME=value} settings
     */
    public static void main(String[] args) throws Exception {
        PrintStream protocol = System.out;
        System.setOut(System.err);
        Map<String, String> environment = new HashMap<>();
        environment.put("SERVICE_NAME", SERVICE_NAME);
        environment.put("KAFKA_BOOTSTRAP_SERVERS", args[0]);
        environment.put("HTTP_PORT", "0");
        for (int i = 1; i < args.length; i++) {
            int equals = args[i].indexOf('=');
            environment.put(args[i].substring(0, equals), args[i].substring(equals + 1));
        }
        try (RunningAgent running = RealtimeAgents.app(() -> new RealtimeAgent() {})
                .environment(environment)
                .start()) {
            ServerControl.serve(protocol, running.port(), new AgentFanoutServer(running));
        }
        System.exit(0);
    }

    @Override
    public boolean emit(long seq, long sentNanos) {
        running.agent()
                .broadcast(BenchMessage.TOPIC, BenchMessage.data(seq, sentNanos))
                .whenComplete((sent, error) -> {
                    if (error == null) {
                        long nanos = System.nanoTime() - sentNanos;
                        synchronized (acknowledged) {
                            acknowledged.record(nanos);
                        }
                    } else {
                        failed.increment();
                        firstFailure.compareAndSet("none", error.toString().replaceAll("\\s+", "_"));
                    }
                });
        return true;
    }

    /** The agent's own count, from {@code GET /realtime/connections}; -1 when it does not answer. */
    @Override
    public long connections() {
        try {
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + running.port() + "/realtime/connections"))
                    .timeout(Duration.ofSeconds(10))
                    .build();
            Matcher total = TOTAL_CONNECTIONS.matcher(
                    http.send(request, HttpResponse.BodyHandlers.ofString()).body());
            return total.find() ? Long.parseLong(total.group(1)) : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * Failed broadcasts, and the time from {@code broadcast} to Kafka's acknowledgement (by then this replica's clients
     * have the message queued on their event loops), in ms.
     */
    @Override
    public String counters() {
        synchronized (acknowledged) {
            return "broadcasts_failed=" + failed.sum() + " first_failure=" + firstFailure.get()
                    + String.format(
                            Locale.ROOT,
                            " acknowledged_ms_p50=%.1f acknowledged_ms_p99=%.1f acknowledged_ms_max=%.1f",
                            acknowledged.percentile(50) / 1e6,
                            acknowledged.percentile(99) / 1e6,
                            acknowledged.max() / 1e6);
        }
    }

    @Override
    public void resetCounters() {
        synchronized (acknowledged) {
            acknowledged.clear();
        }
    }
}
