package io.realtimeagents.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimeagents.examples.health.Http;
import io.realtimeagents.testkit.Await;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's demo command, as {@code ./mvnw -q -Pdemo package} runs it (the same main class and JVM options), in
 * a JVM of its own: it prints the dashboard's URL, serves it, prints alerts, and stops cleanly on SIGTERM.
 */
class HealthDemoIT {
    private static final Duration START_DEADLINE = Duration.ofSeconds(90);
    private static final Duration STOP_DEADLINE = Duration.ofSeconds(30);
    private static final Path LOG = Path.of("target", "health-demo-it.log");

    @Test
    void demoCommand_printsTheDashboardUrl_servesHealth_andExitsCleanlyOnSigterm() throws Exception {
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "--enable-native-access=ALL-UNNAMED",
                "-Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener",
                "-cp",
                System.getProperty("java.class.path"),
                HealthDemo.class.getName(),
                "--http-port=0",
                "--interval-ms=250");
        Process demo = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> output = new CopyOnWriteArrayList<>();
        Thread reader = Thread.ofVirtual().start(() -> collect(demo, output));
        try {
            Await.await(START_DEADLINE, "the dashboard URL in the demo's output (see " + LOG + ")", () -> {
                assertThat(demo.isAlive())
                        .as("the demo is running (output: %s)", output)
                        .isTrue();
                return dashboard(output) != null;
            });
            URI dashboard = URI.create(dashboard(output));
            assertThat(dashboard.toString()).matches("http://localhost:\\d+/");
            Http.Answer health = Http.get(dashboard.resolve("/health"));
            assertThat(health.status()).as(health.body()).isEqualTo(200);
            assertThat(health.json().path("service").asText()).isEqualTo("health-agent");
            Await.await(
                    START_DEADLINE,
                    "an alert printed by the demo",
                    () -> output.stream()
                            .anyMatch(line ->
                                    line.matches("\\s+\\d\\d:\\d\\d:\\d\\d\\s+ALERT\\s+.*p-001.*tachycardia.*")));

            // SIGTERM, as a container stop (Ctrl-C sends SIGINT, handled alike). Process.destroy() would close the
            // output stream too, losing what the demo prints while it stops.
            assertThat(demo.toHandle().destroy()).isTrue();
            assertThat(demo.waitFor(STOP_DEADLINE.toSeconds(), TimeUnit.SECONDS))
                    .as("the demo stopped within %s", STOP_DEADLINE)
                    .isTrue();
            reader.join(Duration.ofSeconds(5));
            assertThat(demo.exitValue()).as("exit status (output in %s)", LOG).isZero();
            assertThat(output).contains("Stopping the demo...", "Demo stopped.");
            assertThat(Http.tryGet(dashboard.resolve("/health")))
                    .as("the dashboard after the stop")
                    .isNull();
        } finally {
            demo.destroyForcibly();
            Files.write(LOG, new ArrayList<>(output), StandardCharsets.UTF_8);
        }
    }

    private static String dashboard(List<String> output) {
        return output.stream()
                .filter(line -> line.startsWith(HealthDemo.DASHBOARD_LINE))
                .map(line -> line.substring(HealthDemo.DASHBOARD_LINE.length()).strip())
                .findFirst()
                .orElse(null);
    }

    private static void collect(Process process, List<String> output) {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
