package io.realtimeagents.examples.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimeagents.agent.RealtimeAgent;
import io.realtimeagents.agent.RealtimeAgents;
import io.realtimeagents.agent.RunningAgent;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.examples.dashboard.DashboardPage.Reading;
import io.realtimeagents.examples.demo.DemoOptions;
import io.realtimeagents.examples.demo.DemoStack;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;

/**
 * The dashboard in a real headless Chromium against the running demo (brokers, agents, simulator): live readings and
 * alerts appear, and after the health agent restarts the page reconnects by itself and is replayed what was
 * broadcast while it was away.
 */
class DashboardBrowserIT {
    private static final Duration FIRST_DATA = Duration.ofSeconds(60);
    private static final Duration FIRST_ALERT = Duration.ofSeconds(90);
    private static final Duration RECONNECT = Duration.ofSeconds(60);
    private static final Path SCREENSHOTS = Path.of("target");

    @BeforeEach
    void requireChromium() {
        HeadlessChromium.assumeInstalled();
    }

    @Test
    void showsLiveReadingsAndAlerts_andResumesAfterTheAgentRestarts() throws Exception {
        try (DemoStack demo = DemoStack.start(DemoOptions.defaults().withPreferredHttpPort(0));
                HeadlessChromium chromium = HeadlessChromium.launch()) {
            DashboardPage page = DashboardPage.open(chromium.driver(), demo.dashboardUrl());

            page.awaitConnectionState("live", FIRST_DATA);
            page.await(
                    FIRST_DATA,
                    "a patient card with a reading",
                    () -> !page.readings().isEmpty());
            page.await(FIRST_ALERT, "an alert in the feed", () -> !page.alerts().isEmpty());
            page.await(
                    FIRST_DATA,
                    "sparklines with some history",
                    () -> page.readings().stream().anyMatch(reading -> reading.history() >= 10));
            takeScreenshots(chromium);

            String patient = page.readings().getFirst().patientId();
            String replayedAlertId = restartWhileAnotherReplicaBroadcasts(demo, page, patient);
            Instant restarted = Instant.now();

            page.awaitConnectionState("live", RECONNECT);
            page.await(
                    RECONNECT,
                    "the alert broadcast while the agent was down, replayed",
                    () -> page.alerts().stream()
                            .anyMatch(alert -> alert.alertId().equals(replayedAlertId)));
            page.await(
                    RECONNECT,
                    "a reading sent after the restart",
                    () -> page.readings().stream().map(Reading::timestamp).anyMatch(restarted::isBefore));
            assertThat(page.showsMissedNotice())
                    .as("the resume is complete, so no 'updates missed' notice")
                    .isFalse();
            assertThat(chromium.pageErrors())
                    .as("JavaScript errors on the page")
                    .isEmpty();
            assertThat(chromium.severeConsoleMessages())
                    .as("console errors other than refused reconnects during the restart")
                    .allMatch(message -> message.contains("/stream/events"));
        }
    }

    /**
     * Restarts the health agent serving the page; while the page is disconnected, another agent on the same Kafka
     * topics (a second replica, say) broadcasts an alert, which the page can then only see through the Last-Event-ID
     * resume.
     */
    private static String restartWhileAnotherReplicaBroadcasts(DemoStack demo, DashboardPage page, String patient)
            throws Exception {
        AgentConfig served = demo.processingAgent().config();
        AgentConfig replicaConfig = AgentConfig.builder()
                .serviceName("dashboard-replica")
                .kafkaBootstrapServers(served.kafkaBootstrapServers())
                .eventsTopic(served.eventsTopic())
                .set(AgentSettings.KAFKA_LIVE_TOPIC, served.get(AgentSettings.KAFKA_LIVE_TOPIC))
                .httpPort(0)
                .build();
        RealtimeAgent replica = new RealtimeAgent() {};
        try (RunningAgent running =
                RealtimeAgents.app(() -> replica).config(replicaConfig).start()) {
            CompletableFuture<Void> restart = CompletableFuture.runAsync(demo::restartProcessingAgent);
            page.awaitConnectionState("reconnecting", RECONNECT);
            Map<String, Object> alert = resolvedAlert(patient);
            replica.broadcast("alerts", alert).toCompletableFuture().get(20, TimeUnit.SECONDS);
            assertThat(page.connectionState())
                    .as("the page is still disconnected when the other replica's alert has been sent")
                    .isEqualTo("reconnecting");
            restart.get(RECONNECT.toSeconds(), TimeUnit.SECONDS);
            return (String) alert.get("alert_id");
        }
    }

    /** An alert in the dashboard's format, already resolved so that it highlights no card. */
    private static Map<String, Object> resolvedAlert(String patient) {
        Instant now = Instant.now();
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("alert_id", UUID.randomUUID().toString());
        alert.put("patient_id", patient);
        alert.put("kind", "spo2");
        alert.put("condition", "hypoxemia");
        alert.put("severity", "high");
        alert.put("status", "resolved");
        alert.put("message", "SpO2 90 %: hypoxemia");
        alert.put(
                "reading",
                Map.of(
                        "patient_id",
                        patient,
                        "kind",
                        "spo2",
                        "unit",
                        "%",
                        "timestamp",
                        now.minusSeconds(5).toString(),
                        "values",
                        Map.of("value", 90)));
        alert.put("started_at", now.minusSeconds(5).toString());
        alert.put("resolved_at", now.toString());
        return alert;
    }

    /** Screenshots for people to look at (not compared): wide in light and dark, and phone-sized. */
    private static void takeScreenshots(HeadlessChromium chromium) {
        chromium.screenshot(SCREENSHOTS.resolve("dashboard.png"));
        chromium.prefersColorScheme("dark");
        chromium.screenshot(SCREENSHOTS.resolve("dashboard-dark.png"));
        chromium.prefersColorScheme("light");
        Dimension wide = chromium.driver().manage().window().getSize();
        chromium.driver().manage().window().setSize(new Dimension(412, 915));
        chromium.screenshot(SCREENSHOTS.resolve("dashboard-narrow.png"));
        chromium.driver().manage().window().setSize(wide);
    }
}
