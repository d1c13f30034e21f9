package io.realtimeagents.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.realtimeagents.examples.health.HealthAgent;
import io.realtimeagents.examples.health.Http;
import io.realtimeagents.testkit.Await;
import io.realtimeagents.testkit.SseTestClient;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo's parts started together: dashboard, live vitals and alerts, a restart, and a clean stop. */
class DemoStackIT {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String LIVE =
            "/stream/events?topics=" + HealthAgent.READINGS_LIVE_TOPIC + "," + HealthAgent.ALERTS_LIVE_TOPIC;

    @Test
    void demo_servesTheDashboard_streamsVitalsAndAlerts_andSurvivesARestartOfTheHealthAgent() throws Exception {
        URI dashboard;
        try (ServerSocket taken = new ServerSocket(0);
                DemoStack demo =
                        DemoStack.start(new DemoOptions(taken.getLocalPort(), 3, Duration.ofMillis(200), 42))) {
            dashboard = demo.dashboardUrl();
            assertThat(demo.httpPort())
                    .isNotEqualTo(taken.getLocalPort())
                    .isEqualTo(demo.processingAgent().port());
            assertThat(dashboard).isEqualTo(URI.create("http://localhost:" + demo.httpPort() + "/"));
            assertThat(demo.portNotice())
                    .contains(
                            "Port " + taken.getLocalPort() + " is taken by another program, so the dashboard uses port "
                                    + demo.httpPort() + " instead.");
            assertThat(demo.mqttServer()).matches("[\\w.]+:\\d+").doesNotEndWith(":1883");
            assertThat(demo.kafkaBootstrapServers()).isNotBlank();

            Await.await(DEADLINE, "the dashboard's /health answering 200", () -> answers(dashboard.resolve("/health")));
            Http.Answer page = Http.get(dashboard);
            boolean hasPage = DemoStackIT.class.getResource("/public/index.html") != null;
            assertThat(page.status())
                    .as("GET / with a dashboard page: %s", hasPage)
                    .isEqualTo(hasPage ? 200 : 404);

            try (SseTestClient sse = SseTestClient.open(dashboard.resolve(LIVE))) {
                assertThat(sse.status()).as("the SSE stream's status").isEqualTo(200);
                Await.await(
                        DEADLINE,
                        "a reading and an alert on SSE",
                        () -> !sse.broadcasts(HealthAgent.READINGS_LIVE_TOPIC).isEmpty()
                                && !sse.broadcasts(HealthAgent.ALERTS_LIVE_TOPIC)
                                        .isEmpty());
                JsonNode reading =
                        sse.broadcasts(HealthAgent.READINGS_LIVE_TOPIC).get(0);
                assertThat(reading.path("patient_id").asText()).matches("p-\\d{3}");
                assertThat(List.of("blood_pressure", "heart_rate", "spo2", "temperature"))
                        .contains(reading.path("kind").asText());
                JsonNode alert = sse.broadcasts(HealthAgent.ALERTS_LIVE_TOPIC).get(0);
                // The first episode is p-001's tachycardia; on a loaded machine the stream may open after its alert.
                assertThat(alert.path("patient_id").asText()).matches("p-\\d{3}");
                assertThat(alert.path("condition").asText()).isNotBlank();
                assertThat(alert.path("status").asText()).isEqualTo("active");
            }

            int port = demo.httpPort();
            demo.restartProcessingAgent();
            assertThat(demo.processingAgent().port()).isEqualTo(port);
            try (SseTestClient sse = SseTestClient.open(dashboard.resolve(LIVE))) {
                assertThat(sse.status()).as("the SSE stream's status").isEqualTo(200);
                Await.await(
                        DEADLINE,
                        "readings on SSE after the restart",
                        () -> !sse.broadcasts(HealthAgent.READINGS_LIVE_TOPIC).isEmpty());
            }
        }
        assertThat(Http.tryGet(dashboard.resolve("/health")))
                .as("the dashboard after close")
                .isNull();
    }

    private static boolean answers(URI uri) {
        Http.Answer answer = Http.tryGet(uri);
        return answer != null && answer.status() == 200;
    }
}
