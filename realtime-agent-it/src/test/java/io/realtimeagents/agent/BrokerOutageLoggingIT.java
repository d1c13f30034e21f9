package io.realtimeagents.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimeagents.agent.support.LogCapture;
import io.realtimeagents.agent.support.StatusJson;
import io.realtimeagents.agent.support.TestAgents;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.common.model.EventType;
import io.realtimeagents.testkit.Await;
import io.realtimeagents.testkit.HttpTestClient;
import io.realtimeagents.testkit.KafkaBroker;
import io.realtimeagents.testkit.WithKafka;
import io.realtimeagents.testkit.internal.EmbeddedKraftBroker;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * With the brokers unreachable, or a KRaft controller given as bootstrap server, an agent says so in a few clear lines
 * and in its readiness, instead of the Kafka clients' warnings at every connection attempt.
 */
@WithKafka
class BrokerOutageLoggingIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** The bound: an agent waiting for its brokers writes fewer lines a minute than this. */
    private static final int LINES_PER_MINUTE_BOUND = 30;

    static final class QuietAgent extends RealtimeAgent {
        @Override
        protected void initialize() {
            onMessage("reading", String.class, (reading, context) -> {});
            onEvent(EventType.ALERT_TRIGGERED, (event, context) -> {});
        }
    }

    @Test
    void brokersDown_oneLineWhenLost_oneReminderIn30s_oneWhenBack_andFewOthers() throws Exception {
        int port = closedPort();
        String servers = "127.0.0.1:" + port;
        String lost = "Kafka brokers at " + servers + " are not reachable";
        String reminder = "Kafka brokers at " + servers + " are still not reachable";
        String back = "Kafka brokers at " + servers + " are reachable";
        try (LogCapture log = LogCapture.all();
                RunningAgent running = TestAgents.start(new QuietAgent(), config(servers))) {
            long startNanos = System.nanoTime();
            Await.await(
                    TIMEOUT,
                    "the line saying the brokers are lost",
                    () -> !log.messages(lost, "").isEmpty());
            assertThat(log.messages(lost, "")).singleElement().asString().contains("connection refused by " + servers);
            assertThat(readinessProblems(running))
                    .anySatisfy(problem ->
                            assertThat(problem).contains(servers, "not reachable", "connection refused by " + servers));

            Await.await(
                    Duration.ofSeconds(50),
                    "one reminder",
                    () -> !log.messages(reminder, "").isEmpty());
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos);
            List<String> lines = log.lines();
            assertThat(lines.size() * 60.0 / seconds)
                    .as("log lines a minute with the brokers down (%d lines in %d s): %s", lines.size(), seconds, lines)
                    .isLessThan(LINES_PER_MINUTE_BOUND);
            assertThat(log.messages(lost, "")).hasSize(1);
            assertThat(log.messages(reminder, "")).hasSize(1);
            assertThat(lines).noneMatch(line -> line.contains("org.apache.kafka"));

            EmbeddedKraftBroker.keepTestJvmAlive();
            try (KafkaBroker broker = EmbeddedKraftBroker.start(port)) {
                Await.await(
                        TIMEOUT,
                        "the line saying the brokers are back",
                        () -> !log.messages(back, "").isEmpty());
                Await.await(
                        TIMEOUT,
                        "readiness without the brokers' problem",
                        () -> readinessProblems(running).stream()
                                .noneMatch(problem -> problem.contains("not reachable")));
                assertThat(log.messages(back, "")).singleElement().asString().contains("1 broker(s)");
                assertThat(log.messages(lost, "")).hasSize(1);
                running.close();
            }
        }
    }

    @Test
    void aKraftControllerGivenAsBootstrapServer_isReportedAsSuch_atStartUp() {
        EmbeddedKraftBroker.keepTestJvmAlive();
        try (EmbeddedKraftBroker broker = EmbeddedKraftBroker.start();
                LogCapture log = LogCapture.all();
                RunningAgent running = TestAgents.start(new QuietAgent(), config(broker.controllerAddress()))) {
            long startNanos = System.nanoTime();
            String report = "KAFKA_BOOTSTRAP_SERVERS " + broker.controllerAddress()
                    + " is a KRaft controller listener, not a broker: point it at a broker listener";
            Await.await(
                    TIMEOUT,
                    "the controller report",
                    () -> !log.messages("Kafka brokers at", report).isEmpty());
            assertThat(readinessProblems(running))
                    .anySatisfy(problem -> assertThat(problem).contains(report));

            Await.await(
                    Duration.ofSeconds(20),
                    "a while",
                    () -> System.nanoTime() - startNanos > TimeUnit.SECONDS.toNanos(15));
            List<String> lines = log.lines();
            assertThat(lines.size() * 60.0 / 15)
                    .as("log lines a minute with a controller as bootstrap server: %s", lines)
                    .isLessThan(LINES_PER_MINUTE_BOUND);
            assertThat(log.messages("Kafka brokers at", report)).hasSize(1);
        }
    }

    @Test
    void aNormalStart_logsAFewLines(KafkaBroker broker) {
        try (LogCapture log = LogCapture.all();
                RunningAgent running = TestAgents.start(new QuietAgent(), config(broker.bootstrapServers()))) {
            Await.await(
                    TIMEOUT,
                    "readiness",
                    () -> HttpTestClient.of(running.url()).get("/health/ready").status() == 200);
            running.close();
            assertThat(log.lines()).as("lines from start to stop").hasSizeLessThan(15);
        }
    }

    private static AgentConfig config(String bootstrapServers) {
        return AgentConfig.builder()
                .serviceName(TestAgents.uniqueName("outage"))
                .kafkaBootstrapServers(bootstrapServers)
                .streamingTopics("outage-readings")
                .topicMessageType("outage-readings", "reading")
                .httpPort(0)
                .set(AgentSettings.SHUTDOWN_TIMEOUT, Duration.ofSeconds(2))
                .build();
    }

    private static List<String> readinessProblems(RunningAgent running) {
        return StatusJson.texts(
                HttpTestClient.of(running.url()).get("/health/ready").json().get("problems"));
    }

    /** A loopback port nothing listens on (it was free a moment ago). */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
