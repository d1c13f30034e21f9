package io.realtimeagents.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimeagents.testkit.internal.ExternalKafkaBroker;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaMainTest {

    @Test
    void run_printsOneBootstrapLine_servesClients_andStopsWhenInputCloses() throws Exception {
        PipedOutputStream stdin = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(stdin);
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(stdout, true, StandardCharsets.UTF_8);

        CompletableFuture<Void> running = CompletableFuture.runAsync(() -> EmbeddedKafkaMain.run(in, out));
        Await.await(
                Duration.ofSeconds(20), "the bootstrap line", () -> text(stdout).endsWith("\n"));
        String line = text(stdout).strip();
        assertThat(line).matches("BOOTSTRAP_SERVERS=127\\.0\\.0\\.1:\\d+");

        String bootstrap = line.substring(EmbeddedKafkaMain.BOOTSTRAP_PREFIX.length());
        try (KafkaBroker external = new ExternalKafkaBroker(bootstrap);
                KafkaTestClient client = KafkaTestClient.create(external)) {
            String topic = client.uniqueTopic("main", 1);
            client.produce(topic, "k", "v");
            assertThat(client.consume(topic, 1, Duration.ofSeconds(10))).hasSize(1);
        }

        stdin.close();
        running.get(20, TimeUnit.SECONDS);
        assertThat(text(stdout).lines()).hasSize(1);
    }

    private static String text(ByteArrayOutputStream stdout) {
        return stdout.toString(StandardCharsets.UTF_8);
    }
}
