package io.realtimeagents.examples.demo;

import io.realtimeagents.examples.health.HealthAgent;
import io.realtimeagents.examples.health.VitalsGatewayAgent;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * The one-command demo ({@code ./mvnw -q -Pdemo package}): starts a {@link DemoStack}, prints the dashboard's URL and
 * the other addresses, prints alerts as they happen, and on Ctrl-C or SIGTERM stops everything in order and exits.
 *
 * <p>Arguments, all optional: {@code --http-port=<n>} (8080 by default; 0 for any free port), {@code --patients=<n>},
 * {@code --interval-ms=<n>}, {@code --seed=<n>}.
 */
public final class HealthDemo {
    /** The line that announces the dashboard starts with this, followed by its URL. */
    public static final String DASHBOARD_LINE = "  Dashboard:  ";

    private HealthDemo() {}

    /** Runs the demo until the process is interrupted or terminated. */
    public static void main(String[] args) throws InterruptedException {
        PrintStream out = System.out;
        DemoOptions options;
        try {
            options = DemoArguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        // Stop in order on Ctrl-C or SIGTERM, before the JVM's shutdown hooks run (they would race each other).
        CountDownLatch signalled = new CountDownLatch(1);
        for (String name : List.of("INT", "TERM")) {
            Signal.handle(new Signal(name), signal -> signalled.countDown());
        }
        out.println("Starting the Realtime Agents health demo: embedded Kafka and MQTT brokers, two agents and "
                + options.patients() + " simulated patients...");
        DemoStack demo;
        try {
            demo = DemoStack.start(options);
        } catch (RuntimeException e) {
            System.err.println("The demo could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        AlertPrinter alerts = AlertPrinter.start(demo.kafkaBootstrapServers(), out);
        printAddresses(demo, out);
        signalled.await();
        out.println();
        out.println("Stopping the demo...");
        alerts.close();
        demo.close();
        out.println("Demo stopped.");
        System.exit(0);
    }

    private static void printAddresses(DemoStack demo, PrintStream out) {
        String base = "http://localhost:" + demo.httpPort();
        out.println();
        demo.portNotice().ifPresent(notice -> out.println("  " + notice));
        out.println("  The Realtime Agents health demo is running. Open the dashboard in a browser:");
        out.println();
        out.println(DASHBOARD_LINE + demo.dashboardUrl());
        out.println();
        out.println("  Live (SSE):   " + base + "/stream/events?topics=" + HealthAgent.READINGS_LIVE_TOPIC + ","
                + HealthAgent.ALERTS_LIVE_TOPIC);
        out.println("  WebSocket:    ws://localhost:" + demo.httpPort() + HealthAgent.WEBSOCKET_PATH);
        out.println("  Health:       " + base + "/health");
        out.println("  Status:       " + base + "/realtime/status");
        out.println("  Analyze:      curl -X POST " + base + "/analyze-health -H 'Content-Type: application/json'"
                + " -d '{\"parameters\":{\"patient_id\":\"p-001\"}}'");
        out.println("  Kafka:        " + demo.kafkaBootstrapServers() + " (topics " + HealthAgent.VITALS_TOPIC + ", "
                + HealthAgent.ALERTS_TOPIC + ", " + HealthAgent.VITALS_TOPIC + ".dlq)");
        out.println("  MQTT:         " + demo.mqttServer() + " (embedded, on a free port; devices publish to "
                + VitalsGatewayAgent.DEVICE_TOPICS.replace("#", "<kind>") + ")");
        out.println();
        out.println("  Alerts appear below as the simulated patients have episodes (the first within about 15 s)."
                + " Ctrl-C stops the demo.");
        out.println();
    }
}
