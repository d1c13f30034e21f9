package io.realtimeagents.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimeagents.agent.support.ChildJvm;
import io.realtimeagents.agent.support.QuietAgentMain;
import io.realtimeagents.testkit.Await;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The statuses a process started by {@code RealtimeAgents.run} ends with, seen from outside as a platform sees them. */
class ExitStatusIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void invalidConfiguration_endsTheProcessWithStatus2_namingTheSetting() throws Exception {
        try (ChildJvm child = ChildJvm.start(
                QuietAgentMain.class,
                "exit-invalid-config",
                List.of("--realtime.enabled=false", "--http.port=eighty"))) {
            assertThat(child.awaitExit(TIMEOUT)).isEqualTo(RealtimeAgents.EXIT_INVALID_CONFIGURATION);
            assertThat(Files.readString(child.log())).contains("HTTP_PORT");
        }
    }

    @Test
    void agentThatCannotStart_endsTheProcessWithStatus1_loggingTheCause() throws Exception {
        try (ServerSocket taken = new ServerSocket(0);
                ChildJvm child = ChildJvm.start(
                        QuietAgentMain.class,
                        "exit-port-taken",
                        List.of("--realtime.enabled=false", "--http.port=" + taken.getLocalPort()))) {
            assertThat(child.awaitExit(TIMEOUT)).isEqualTo(RealtimeAgents.EXIT_START_FAILED);
            assertThat(Files.readString(child.log())).contains("The agent cannot start");
        }
    }

    @Test
    void sigterm_stopsTheAgentGracefully_andTheJvmExitsWithTheSignalsStatus() throws Exception {
        int port = freePort();
        try (ChildJvm child = ChildJvm.start(
                QuietAgentMain.class, "exit-sigterm", List.of("--realtime.enabled=false", "--http.port=" + port))) {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                    .timeout(Duration.ofSeconds(2))
                    .build();
            Await.await(TIMEOUT, "the child agent answers /health", () -> {
                if (!child.isAlive()) {
                    throw new AssertionError("The child JVM exited early; see " + child.log());
                }
                try {
                    return http.send(health, HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200;
                } catch (IOException e) {
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            });
            child.terminate();
            assertThat(child.awaitExit(TIMEOUT)).as("128 + SIGTERM (15)").isEqualTo(143);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
