package io.realtimeagents.examples.demo;

import io.realtimeagents.agent.RealtimeAgents;
import io.realtimeagents.agent.RunningAgent;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.json.Json;
import io.realtimeagents.common.model.RealtimeEvent;
import io.realtimeagents.examples.health.HealthAgent;
import io.realtimeagents.testkit.KafkaBroker;
import io.realtimeagents.testkit.KafkaBrokers;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import sun.misc.Signal;

/**
 * The one-command demo: starts an embedded Kafka broker, the {@link HealthAgent} and a vitals simulator, prints the
 * agent's URLs and the alerts as they arrive, and shuts everything down cleanly on Ctrl-C.
 */
public final class HealthDemo {
    private static final String VITALS_TOPIC = "health.vitals";
    private static final int PREFERRED_PORT = 8080;

    private HealthDemo() {}

    /** Runs the demo until the process is interrupted. */
    public static void main(String[] args) throws Exception {
        System.out.println("Starting an embedded Kafka broker...");
        KafkaBroker broker = KafkaBrokers.startEmbedded();
        for (String topic : List.of(VITALS_TOPIC, "realtime.events", HealthAgent.ALERTS_TOPIC)) {
            broker.createTopic(topic, 4);
        }
        int port = portFree(PREFERRED_PORT) ? PREFERRED_PORT : 0;
        if (port == 0) {
            System.out.println("Port " + PREFERRED_PORT + " is taken: the agent takes a free port instead.");
        }
        AgentConfig config = AgentConfig.builder()
                .serviceName("health-agent")
                .kafkaBootstrapServers(broker.bootstrapServers())
                .streamingTopics(VITALS_TOPIC)
                .httpPort(port)
                .build();
        RunningAgent agent = RealtimeAgents.app(HealthAgent::new)
                .config(config)
                .description("Real-time health data processing agent")
                .endpoint("/analyze-health", "analyze_health")
                .start();
        VitalsSimulator simulator = new VitalsSimulator(broker.bootstrapServers(), VITALS_TOPIC, 5);
        simulator.start(1000);
        AlertPrinter alerts = new AlertPrinter(broker.bootstrapServers());
        Thread printer = Thread.ofPlatform().name("alert-printer").start(alerts);
        printUrls(agent, broker);

        Runnable stop = () -> {
            System.out.println();
            System.out.println("Stopping the demo...");
            simulator.close();
            alerts.stop();
            agent.close();
            broker.close();
            System.out.println("Demo stopped.");
        };
        // Stop in order on Ctrl-C or SIGTERM, before the JVM's shutdown hooks run (they would race each other).
        CountDownLatch signalled = new CountDownLatch(1);
        for (String name : List.of("INT", "TERM")) {
            Signal.handle(new Signal(name), signal -> signalled.countDown());
        }
        signalled.await();
        stop.run();
        printer.join();
        System.exit(0);
    }

    private static void printUrls(RunningAgent agent, KafkaBroker broker) {
        String base = agent.url().toString();
        System.out.println();
        System.out.println("Realtime Agents demo is running (Ctrl-C to stop)");
        System.out.println("  Kafka:    " + broker.bootstrapServers());
        System.out.println("  Health:   " + base + "/health");
        System.out.println("  Status:   " + base + "/realtime/status");
        System.out.println("  Metrics:  " + base + "/metrics");
        System.out.println(
                "  Task:     curl -X POST " + base
                        + "/analyze-health -H 'Content-Type: application/json' -d '{\"parameters\":{\"patient_id\":\"patient-1\"}}'");
        System.out.println("Alerts appear below as the simulated patients have episodes:");
    }

    private static boolean portFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("0.0.0.0"))) {
            return socket.isBound();
        } catch (IOException e) {
            return false;
        }
    }

    /** Prints each alert forwarded to the alerts topic. */
    private static final class AlertPrinter implements Runnable {
        private final KafkaConsumer<String, String> consumer;

        AlertPrinter(String bootstrapServers) {
            this.consumer = new KafkaConsumer<>(
                    Map.of(
                            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                            ConsumerConfig.GROUP_ID_CONFIG, "health-demo-alert-printer",
                            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"),
                    new StringDeserializer(),
                    new StringDeserializer());
        }

        @Override
        public void run() {
            try (consumer) {
                consumer.subscribe(List.of(HealthAgent.ALERTS_TOPIC));
                while (true) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                        RealtimeEvent alert =
                                Json.decode(record.value().getBytes(StandardCharsets.UTF_8), RealtimeEvent.class);
                        System.out.println("  ALERT " + alert.timestamp() + " "
                                + alert.data().get("patient_id") + ": "
                                + alert.data().get("alert") + " ("
                                + alert.data().get("reading") + ")");
                    }
                }
            } catch (WakeupException e) {
                // stop() was called
            }
        }

        void stop() {
            consumer.wakeup();
        }
    }
}
