package io.realtimeagents.secrets;

import static io.realtimeagents.secrets.SecretFixtures.NAMESPACE;
import static io.realtimeagents.secrets.SecretFixtures.PLATFORM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.realtimeagents.common.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Rotation: the watcher re-reads the secrets and reports each service whose secret's content changed. */
@ExtendWith(NoSecretValuesLogged.class)
class PlatformSecretWatcherTest {
    private static final EnumSet<PlatformService> USED = EnumSet.of(PlatformService.KAFKA, PlatformService.MQTT);
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    @TempDir
    Path temp;

    private KubernetesApiEmulator api;
    private final List<Change> changes = new CopyOnWriteArrayList<>();

    private record Change(PlatformService service, PlatformSecrets previous, PlatformSecrets current) {}

    @BeforeEach
    void startApi() {
        api = new KubernetesApiEmulator();
        api.putSecret(NAMESPACE, "health-platform-kafka-secret", SecretFixtures.kafka());
        api.putSecret(NAMESPACE, "health-platform-mqtt-secret", SecretFixtures.mqtt());
    }

    @AfterEach
    void stopApi() {
        api.close();
    }

    private PlatformSecretLoader loader() {
        return PlatformSecretLoader.builder(PLATFORM)
                .namespace(NAMESPACE)
                .apiClient(api.apiClient())
                .secretsDirectory(temp.resolve("mounts"))
                .serviceAccountDirectory(temp.resolve("none"))
                .environment(Map.of())
                .build();
    }

    private PlatformSecretWatcher watch(PlatformSecretLoader loader, Duration interval) {
        return PlatformSecretWatcher.builder(loader, loader.load(USED))
                .usedServices(USED)
                .interval(interval)
                .listener((service, previous, current) -> changes.add(new Change(service, previous, current)))
                .start();
    }

    @Test
    void aRotatedPasswordIsReportedOnceForItsServiceOnly() {
        try (PlatformSecretWatcher watcher = watch(loader(), Duration.ofMillis(100))) {
            Map<String, String> rotated = new HashMap<>(SecretFixtures.mqtt());
            rotated.put("MQTT_PASSWORD", "rotated-mqtt-pw-e7a3");
            api.putSecret(NAMESPACE, "health-platform-mqtt-secret", rotated);

            await().atMost(DEADLINE).until(() -> !changes.isEmpty());
            Change change = changes.get(0);
            assertThat(change.service()).isEqualTo(PlatformService.MQTT);
            assertThat(change.previous().value(SecretKey.MQTT_PASSWORD)).contains(SecretFixtures.MQTT_PASSWORD);
            assertThat(change.current().value(SecretKey.MQTT_PASSWORD)).contains("rotated-mqtt-pw-e7a3");
            assertThat(watcher.current().value(SecretKey.MQTT_PASSWORD)).contains("rotated-mqtt-pw-e7a3");

            // Later re-reads find nothing new: no further calls.
            assertThat(watcher.refresh()).isEmpty();
            assertThat(watcher.refresh()).isEmpty();
            assertThat(changes).hasSize(1);
            assertThat(NoSecretValuesLogged.lines())
                    .anyMatch(line -> line.contains(
                            "Platform secret health-platform-mqtt-secret changed (keys [MQTT_PASSWORD]): notifying"))
                    .noneMatch(line -> line.contains("rotated-mqtt-pw-e7a3"));
        }
    }

    @Test
    void unchangedSecretsNeverCallTheListener() {
        try (PlatformSecretWatcher watcher = watch(loader(), Duration.ofHours(1))) {
            for (int i = 0; i < 5; i++) {
                assertThat(watcher.refresh()).isEmpty();
            }
            assertThat(changes).isEmpty();
        }
    }

    @Test
    void anOptionalSecretAppearingAndChangedSaslCredentialsAreEachReported() {
        try (PlatformSecretWatcher watcher = watch(loader(), Duration.ofHours(1))) {
            api.putSecret(NAMESPACE, "health-platform-db-secret", SecretFixtures.db());
            Map<String, String> kafka = new HashMap<>(SecretFixtures.kafka());
            kafka.put("KAFKA_SASL_USERNAME", "rotated-user-11aa");
            kafka.put("KAFKA_SASL_PASSWORD", "rotated-kafka-pw-22bb");
            api.putSecret(NAMESPACE, "health-platform-kafka-secret", kafka);

            assertThat(watcher.refresh()).containsExactly(PlatformService.KAFKA, PlatformService.DB);

            assertThat(changes).extracting(Change::service).containsExactly(PlatformService.KAFKA, PlatformService.DB);
            assertThat(changes.get(1).previous().secret(PlatformService.DB)).isEmpty();
            assertThat(NoSecretValuesLogged.lines())
                    .anyMatch(line -> line.contains("health-platform-kafka-secret changed (keys [KAFKA_SASL_PASSWORD,"
                            + " KAFKA_SASL_USERNAME])"))
                    .noneMatch(line -> line.contains("rotated-kafka-pw-22bb") || line.contains("rotated-user-11aa"));
        }
    }

    @Test
    void aFailedReReadKeepsTheCurrentSecretsAndWarns() {
        try (PlatformSecretWatcher watcher = watch(loader(), Duration.ofMillis(100))) {
            PlatformSecrets before = watcher.current();
            api.deleteSecret(NAMESPACE, "health-platform-kafka-secret");

            await().atMost(DEADLINE)
                    .until(() -> NoSecretValuesLogged.lines().stream()
                            .anyMatch(line -> line.startsWith("WARN")
                                    && line.contains("Re-reading the platform secrets failed; keeping the current ones")
                                    && line.contains("Missing required platform secret health-platform-kafka-secret")));
            assertThat(watcher.current().changedServices(before)).isEmpty();
            assertThat(watcher.current().secret(PlatformService.KAFKA)).isPresent();
            assertThat(changes).isEmpty();
            assertThatThrownBy(watcher::refresh).isInstanceOf(ConfigurationException.class);
        }
    }

    @Test
    void mountedFilesUpdatedByTheKubeletAreReportedToo() throws Exception {
        Path mounts = temp.resolve("mounts");
        Path directory = mounts.resolve("health-platform-kafka-secret");
        PlatformSecretLoaderTest.mountLikeKubelet(directory, SecretFixtures.kafka());
        PlatformSecretLoader loader = PlatformSecretLoader.builder(PLATFORM)
                .sources(SecretSource.MOUNTED_FILES)
                .secretsDirectory(mounts)
                .environment(Map.of())
                .build();
        PlatformSecretWatcher watcher = PlatformSecretWatcher.builder(
                        loader, loader.load(EnumSet.of(PlatformService.KAFKA)))
                .usedServices(EnumSet.of(PlatformService.KAFKA))
                .interval(Duration.ofMillis(100))
                .listener((service, previous, current) -> changes.add(new Change(service, previous, current)))
                .start();
        try (watcher) {
            // The kubelet writes a new timestamped directory and swaps the ..data link.
            Path next = Files.createDirectories(directory.resolve("..2026_01_02_00_00_00.000000002"));
            for (Map.Entry<String, String> entry : SecretFixtures.kafka().entrySet()) {
                String value = entry.getKey().equals("KAFKA_SASL_PASSWORD") ? "rotated-file-pw-33cc" : entry.getValue();
                Files.writeString(next.resolve(entry.getKey()), value);
            }
            Path link = directory.resolve("..data_tmp");
            Files.createSymbolicLink(link, next.getFileName());
            Files.move(
                    link,
                    directory.resolve("..data"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);

            await().atMost(DEADLINE).until(() -> !changes.isEmpty());
            assertThat(changes.get(0).current().value(SecretKey.KAFKA_SASL_PASSWORD))
                    .contains("rotated-file-pw-33cc");
        }
    }

    @Test
    void theListenerIsRequiredAndTheIntervalPositive() {
        PlatformSecretLoader loader = loader();
        PlatformSecrets secrets = loader.load(USED);
        assertThatThrownBy(() -> PlatformSecretWatcher.builder(loader, secrets).start())
                .hasMessage("No listener given: call listener(...) before start()");
        assertThatThrownBy(() -> PlatformSecretWatcher.builder(loader, secrets).interval(Duration.ZERO))
                .hasMessage("Invalid interval PT0S: must be positive");
    }
}
