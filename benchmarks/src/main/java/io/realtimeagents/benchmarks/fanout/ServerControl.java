package io.realtimeagents.benchmarks.fanout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The command loop of a server JVM, driven by the benchmark through standard input and output, one line each way:
 *
 * <ul>
 *   <li>at start it prints {@code LISTENING port=<port>};
 *   <li>{@code stats} prints {@code STATS connections=.. heap=.. off_heap=.. rss=..} and the server's counters;
 *   <li>{@code start <rate> <ticks>} starts the emitter on a thread of its own and, when it is done, prints {@code
 *       EMITTED events=.. skipped=.. nanos=..};
 *   <li>the end of standard input stops the server.
 * </ul>
 */
final class ServerControl {
    /** A server under test. */
    interface Target extends Emitter.Sink {
        /** The WebSocket and SSE clients it holds; -1 when it cannot tell. */
        long connections();

        /** Its own counters as {@code key=value} words, e.g. messages dropped for unwritable clients. */
        String counters();

        /** Called before each emission starts: counters that describe one emission start again from zero. */
        default void resetCounters() {}
    }

    private ServerControl() {}

    /** Announces the port, then serves commands until standard input ends. */
    static void serve(PrintStream protocol, int port, Target target) throws IOException {
        protocol.println("LISTENING port=" + port);
        protocol.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] words = line.trim().split("\\s+");
            switch (words[0]) {
                case "stats" ->
                    reply(
                            protocol,
                            "STATS " + ServerStats.measure(target.connections()).fields() + " " + target.counters());
                case "start" -> start(protocol, target, Long.parseLong(words[1]), Long.parseLong(words[2]));
                default -> reply(protocol, "ERROR unknown command '" + line + "'");
            }
        }
    }

    private static void start(PrintStream protocol, Target target, long rate, long ticks) {
        target.resetCounters();
        Thread.ofPlatform().name("fanout-emitter").start(() -> {
            Emitter.Outcome outcome = Emitter.run(target, rate, ticks);
            reply(
                    protocol,
                    "EMITTED events=" + outcome.events() + " skipped=" + outcome.skippedTicks() + " nanos="
                            + outcome.nanos() + " " + target.counters());
        });
    }

    private static void reply(PrintStream protocol, String line) {
        synchronized (protocol) {
            protocol.println(line);
            protocol.flush();
        }
    }
}
