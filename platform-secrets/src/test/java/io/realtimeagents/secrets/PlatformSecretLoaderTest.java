package io.realtimeagents.secrets;

import static io.realtimeagents.secrets.NoSecretValuesLogged.assertNoSecretValueIn;
import static io.realtimeagents.secrets.SecretFixtures.NAMESPACE;
import static io.realtimeagents.secrets.SecretFixtures.PLATFORM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kubernetes.client.util.ClientBuilder;
import io.realtimeagents.common.ConfigurationException;
import io.realtimeagents.common.config.AgentSettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Loading platform secrets from the Kubernetes API (an HTTP emulator), mounted files and the environment. */
@ExtendWith(NoSecretValuesLogged.class)
class PlatformSecretLoaderTest {
    private static final EnumSet<PlatformService> KAFKA_ONLY = EnumSet.of(PlatformService.KAFKA);

    @TempDir
    Path temp;

    private KubernetesApiEmulator api;

    @BeforeEach
    void startApi() {
        api = new KubernetesApiEmulator();
    }

    @AfterEach
    void stopApi() {
        api.close();
    }

    private PlatformSecretLoader.Builder loader() {
        return PlatformSecretLoader.builder(PLATFORM)
                .namespace(NAMESPACE)
                .apiClient(api.apiClient())
                .secretsDirectory(temp.resolve("no-mounts"))
                .serviceAccountDirectory(temp.resolve("no-service-account"))
                .environment(Map.of());
    }

    private void putAll() {
        for (PlatformService service : PlatformService.values()) {
            api.putSecret(NAMESPACE, service.secretName(PLATFORM), SecretFixtures.of(service));
        }
    }

    @Test
    void allFiveServicesAreReadFromTheKubernetesApi() {
        putAll();

        PlatformSecrets secrets = loader().build().load(EnumSet.of(PlatformService.KAFKA, PlatformService.MQTT));

        assertThat(secrets.services()).containsExactlyInAnyOrder(PlatformService.values());
        assertThat(secrets.namespace()).isEqualTo(NAMESPACE);
        for (PlatformService service : PlatformService.values()) {
            ServiceSecret secret = secrets.secret(service).orElseThrow();
            assertThat(secret.source()).isEqualTo(SecretSource.KUBERNETES_API);
            assertThat(secret.name()).isEqualTo(PLATFORM + "-" + service.id() + "-secret");
            assertThat(secret.location()).isEqualTo(NAMESPACE);
        }
        assertThat(secrets.value(SecretKey.KAFKA_BOOTSTRAP_SERVERS)).contains(SecretFixtures.KAFKA_SERVERS);
        assertThat(secrets.value(SecretKey.KAFKA_SASL_PASSWORD)).contains(SecretFixtures.KAFKA_PASSWORD);
        assertThat(secrets.value(SecretKey.MQTT_PASSWORD)).contains(SecretFixtures.MQTT_PASSWORD);
        assertThat(secrets.value(SecretKey.DB_USER)).contains(SecretFixtures.DB_USER); // stored as "username"
        assertThat(secrets.value(SecretKey.DB_NAME)).contains(SecretFixtures.DB_NAME); // stored as "name"
        assertThat(secrets.value(SecretKey.METABASE_URL)).contains(SecretFixtures.METABASE_URL); // stored as "url"
        assertThat(secrets.value(SecretKey.LENSES_URL)).contains(SecretFixtures.LENSES_URL);
        assertThat(NoSecretValuesLogged.lines())
                .anyMatch(line -> line.contains("INFO")
                        && line.contains("secret health-platform-kafka-secret in namespace apps (Kubernetes API)")
                        && line.contains("KAFKA_SASL_PASSWORD"));
        assertNoSecretValueIn(secrets.toString());
    }

    @Test
    void lowerCaseKeysAreAcceptedForEveryService() {
        api.putSecret(
                NAMESPACE,
                "health-platform-kafka-secret",
                Map.of(
                        "bootstrap.servers",
                        SecretFixtures.KAFKA_SERVERS,
                        "schema-registry-url",
                        SecretFixtures.SCHEMA_REGISTRY));
        api.putSecret(
                NAMESPACE,
                "health-platform-mqtt-secret",
                Map.of(
                        "host",
                        SecretFixtures.MQTT_HOST,
                        "port",
                        "8883",
                        "user",
                        SecretFixtures.MQTT_USER,
                        "password",
                        SecretFixtures.MQTT_PASSWORD));

        PlatformSecrets secrets = loader().build().load(EnumSet.of(PlatformService.KAFKA, PlatformService.MQTT));

        assertThat(secrets.value(SecretKey.KAFKA_BOOTSTRAP_SERVERS)).contains(SecretFixtures.KAFKA_SERVERS);
        assertThat(secrets.value(SecretKey.KAFKA_SCHEMA_REGISTRY_URL)).contains(SecretFixtures.SCHEMA_REGISTRY);
        assertThat(secrets.value(SecretKey.MQTT_HOST)).contains(SecretFixtures.MQTT_HOST);
        assertThat(secrets.value(SecretKey.MQTT_PORT)).contains("8883");
        assertThat(secrets.value(SecretKey.MQTT_USER)).contains(SecretFixtures.MQTT_USER);
        assertThat(secrets.value(SecretKey.MQTT_PASSWORD)).contains(SecretFixtures.MQTT_PASSWORD);
    }

    @Test
    void missingOptionalSecretsAreFineAndLoggedWithoutValues() {
        api.putSecret(NAMESPACE, "health-platform-kafka-secret", SecretFixtures.kafka());

        PlatformSecrets secrets = loader().build().load(KAFKA_ONLY);

        assertThat(secrets.services()).containsExactly(PlatformService.KAFKA);
        assertThat(secrets.secret(PlatformService.DB)).isEmpty();
        assertThat(NoSecretValuesLogged.lines())
                .anyMatch(line -> line.startsWith("INFO")
                        && line.contains("Optional platform secret health-platform-db-secret not found")
                        && line.contains("Kubernetes API (namespace apps): not found (HTTP 404)"))
                // The agent does not use MQTT here, so its secret is optional too.
                .anyMatch(line -> line.contains("Optional platform secret health-platform-mqtt-secret not found"));
    }

    @Test
    void missingRequiredSecretNamesTheSecretTheNamespaceAndEverySourceTried() {
        Path mounts = temp.resolve("mounts");

        ConfigurationException error = catchThrowableOfType(
                ConfigurationException.class,
                () -> loader().secretsDirectory(mounts)
                        .build()
                        .load(EnumSet.of(PlatformService.KAFKA, PlatformService.MQTT)));

        assertThat(error.problems()).hasSize(2);
        assertThat(error.problems().get(0))
                .startsWith("Missing required platform secret health-platform-kafka-secret (the agent uses kafka)"
                        + " for platform health-platform in namespace apps. Looked in: ")
                .contains("Kubernetes API (namespace apps): not found (HTTP 404)")
                .contains("mounted files (" + mounts.resolve("health-platform-kafka-secret") + "): no such directory")
                .contains("environment variables (environment): none of KAFKA_BOOTSTRAP_SERVERS,"
                        + " KAFKA_SCHEMA_REGISTRY_URL, KAFKA_SECURITY_PROTOCOL")
                .contains("To fix: create the secret health-platform-kafka-secret in namespace apps");
        assertThat(error.problems().get(1)).startsWith("Missing required platform secret health-platform-mqtt-secret");
    }

    @Test
    void mqttIsRequiredOnlyWhenTheAgentUsesIt() {
        api.putSecret(NAMESPACE, "health-platform-kafka-secret", SecretFixtures.kafka());

        assertThat(loader().build().load(KAFKA_ONLY).services()).containsExactly(PlatformService.KAFKA);
        assertThatThrownBy(() -> loader().build().load(EnumSet.of(PlatformService.KAFKA, PlatformService.MQTT)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Missing required platform secret health-platform-mqtt-secret");
    }

    @Test
    void forbiddenNamesTheServiceAccountFromItsTokenTheSecretTheNamespaceAndTheRbacManifest() throws IOException {
        Path account = serviceAccount("system:serviceaccount:apps:health-agent", "apps");
        api.putSecret(NAMESPACE, "health-platform-kafka-secret", SecretFixtures.kafka());
        api.forbid(NAMESPACE, "health-platform-kafka-secret", "system:serviceaccount:apps:health-agent");

        PlatformSecretLoader loader = PlatformSecretLoader.builder(PLATFORM)
                .apiClient(api.apiClient())
                .serviceAccountDirectory(account)
                .secretsDirectory(temp.resolve("no-mounts"))
                .environment(Map.of())
                .build();
        ConfigurationException error =
                catchThrowableOfType(ConfigurationException.class, () -> loader.load(KAFKA_ONLY));

        assertThat(loader.namespace())
                .as("namespace from the service-account file")
                .isEqualTo("apps");
        assertThat(error.getMessage())
                .contains("Missing required platform secret health-platform-kafka-secret")
                .contains(
                        "Kubernetes API (namespace apps): forbidden (HTTP 403): system:serviceaccount:apps:health-agent"
                                + " lacks 'get' on secret health-platform-kafka-secret in namespace apps")
                .contains("deploy/kustomize/base/rbac.yaml")
                .contains("mounted files (")
                .contains("environment variables (environment): none of");
        assertNoSecretValueIn(error.getMessage());
    }

    @Test
    void forbiddenWithoutTokenNamesTheUserTheApiServerNamed() {
        api.forbid(NAMESPACE, "health-platform-kafka-secret", "system:serviceaccount:apps:other-agent");

        assertThatThrownBy(() -> loader().build().load(KAFKA_ONLY))
                .hasMessageContaining("forbidden (HTTP 403): system:serviceaccount:apps:other-agent lacks 'get' on"
                        + " secret health-platform-kafka-secret in namespace apps");
    }

    @Test
    void forbiddenSecretIsTakenFromMountedFilesWithAWarning() throws IOException {
        api.forbid(NAMESPACE, "health-platform-kafka-secret", "system:serviceaccount:apps:health-agent");
        Path mounts = temp.resolve("mounts");
        mountLikeKubelet(mounts.resolve("health-platform-kafka-secret"), SecretFixtures.kafka());

        PlatformSecrets secrets = loader().secretsDirectory(mounts).build().load(KAFKA_ONLY);

        assertThat(secrets.secret(PlatformService.KAFKA).orElseThrow().source()).isEqualTo(SecretSource.MOUNTED_FILES);
        assertThat(NoSecretValuesLogged.lines())
                .anyMatch(line -> line.startsWith("WARN")
                        && line.contains("Platform secret health-platform-kafka-secret taken from mounted files")
                        && line.contains("forbidden (HTTP 403)"));
    }

    @Test
    void missingKeyNamesTheKeyAndTheSecret() {
        api.putSecret(
                NAMESPACE,
                "health-platform-kafka-secret",
                Map.of("KAFKA_SCHEMA_REGISTRY_URL", SecretFixtures.SCHEMA_REGISTRY));

        assertThatThrownBy(() -> loader().build().load(KAFKA_ONLY))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Invalid configuration: Missing key KAFKA_BOOTSTRAP_SERVERS in platform secret"
                        + " health-platform-kafka-secret in namespace apps (Kubernetes API): add it (also accepted:"
                        + " bootstrap-servers, bootstrap.servers)");
    }

    @Test
    void saslWithoutPasswordNamesTheMissingKey() {
        api.putSecret(
                NAMESPACE,
                "health-platform-kafka-secret",
                Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", SecretFixtures.KAFKA_SERVERS,
                        "KAFKA_SASL_MECHANISM", "PLAIN",
                        "KAFKA_SASL_USERNAME", SecretFixtures.KAFKA_USER));

        assertThatThrownBy(() -> loader().build().load(KAFKA_ONLY))
                .hasMessageContaining("Missing key KAFKA_SASL_PASSWORD in platform secret health-platform-kafka-secret"
                        + " in namespace apps (Kubernetes API), needed because SASL is configured");
    }

    @Test
    void aKeyGivenTwiceWithDifferentValuesIsRefused() {
        api.putSecret(
                NAMESPACE,
                "health-platform-kafka-secret",
                Map.of("KAFKA_BOOTSTRAP_SERVERS", SecretFixtures.KAFKA_SERVERS, "bootstrap-servers", "other:9092"));

        assertThatThrownBy(() -> loader().build().load(KAFKA_ONLY))
                .hasMessageContaining("holds KAFKA_BOOTSTRAP_SERVERS under several names with different values"
                        + " (KAFKA_BOOTSTRAP_SERVERS, bootstrap-servers): keep only one of them");
    }

    @Test
    void aBrokenSecretOfAServiceTheAgentDoesNotUseIsSkippedWithAWarning() {
        api.putSecret(NAMESPACE, "health-platform-kafka-secret", SecretFixtures.kafka());
        api.putSecret(NAMESPACE, "health-platform-db-secret", Map.of("name", SecretFixtures.DB_NAME));

        PlatformSecrets secrets = loader().build().load(KAFKA_ONLY);

        assertThat(secrets.services()).containsExactly(PlatformService.KAFKA);
        assertThat(NoSecretValuesLogged.lines())
                .anyMatch(line -> line.startsWith("WARN")
                        && line.contains("Ignoring platform secret health-platform-db-secret")
                        && line.contains("Missing key DB_HOST"));
    }

    @Test
    void unknownKeysAreLoggedByNameAndIgnored() {
        Map<String, String> values = new java.util.HashMap<>(SecretFixtures.kafka());
        values.put("bootstrap-server", "typo:9092");
        api.putSecret(NAMESPACE, "health-platform-kafka-secret", values);

        loader().build().load(KAFKA_ONLY);

        assertThat(NoSecretValuesLogged.lines())
                .anyMatch(line -> line.contains("Ignoring keys [bootstrap-server]") && !line.contains("typo:9092"));
    }

    @Test
    void mountedFilesAreTheFallbackWhenTheApiHasNoSuchSecret() throws IOException {
        Path mounts = temp.resolve("mounts");
        Path directory = mounts.resolve("health-platform-kafka-secret");
        mountLikeKubelet(
                directory,
                Map.of(
                        "bootstrap-servers",
                        SecretFixtures.KAFKA_SERVERS + "\n",
                        "sasl.mechanism",
                        "PLAIN",
                        "username",
                        SecretFixtures.KAFKA_USER,
                        "password",
                        SecretFixtures.KAFKA_PASSWORD));

        PlatformSecrets secrets = loader().secretsDirectory(mounts).build().load(KAFKA_ONLY);

        ServiceSecret kafka = secrets.secret(PlatformService.KAFKA).orElseThrow();
        assertThat(kafka.source()).isEqualTo(SecretSource.MOUNTED_FILES);
        assertThat(kafka.keys()).containsExactly("bootstrap-servers", "password", "sasl.mechanism", "username");
        assertThat(kafka.value(SecretKey.KAFKA_BOOTSTRAP_SERVERS))
                .as("trailing line break removed")
                .contains(SecretFixtures.KAFKA_SERVERS);
        assertThat(kafka.value(SecretKey.KAFKA_SASL_PASSWORD)).contains(SecretFixtures.KAFKA_PASSWORD);
        assertThat(kafka.origin("bootstrap-servers")).isEqualTo("secret file " + directory + "/bootstrap-servers");
    }

    @Test
    void mountedSecretsDirectoryComesFromTheEnvironment() throws IOException {
        Path mounts = temp.resolve("from-env");
        mountLikeKubelet(mounts.resolve("health-platform-kafka-secret"), SecretFixtures.kafka());

        PlatformSecretLoader loader = PlatformSecretLoader.builder(PLATFORM)
                .environment(Map.of("PLATFORM_SECRETS_DIR", mounts.toString()))
                .serviceAccountDirectory(temp.resolve("none"))
                .build();

        assertThat(loader.secretsDirectory()).isEqualTo(mounts);
        assertThat(loader.load(KAFKA_ONLY)
                        .secret(PlatformService.KAFKA)
                        .orElseThrow()
                        .source())
                .isEqualTo(SecretSource.MOUNTED_FILES);
    }

    @Test
    void environmentVariablesAreTheLastFallback() {
        PlatformSecretLoader loader = PlatformSecretLoader.builder(PLATFORM)
                .serviceAccountDirectory(temp.resolve("none"))
                .secretsDirectory(temp.resolve("no-mounts"))
                .environment(Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", SecretFixtures.KAFKA_SERVERS,
                        "KAFKA_SASL_MECHANISM", "PLAIN",
                        "KAFKA_SASL_USERNAME", SecretFixtures.KAFKA_USER,
                        "KAFKA_SASL_PASSWORD", SecretFixtures.KAFKA_PASSWORD,
                        "MQTT_HOST", SecretFixtures.MQTT_HOST))
                .build();

        PlatformSecrets secrets = loader.load(EnumSet.of(PlatformService.KAFKA, PlatformService.MQTT));

        ServiceSecret kafka = secrets.secret(PlatformService.KAFKA).orElseThrow();
        assertThat(kafka.source()).isEqualTo(SecretSource.ENVIRONMENT);
        assertThat(kafka.origin("KAFKA_SASL_PASSWORD")).isEqualTo("environment variable KAFKA_SASL_PASSWORD");
        assertThat(secrets.value(SecretKey.MQTT_HOST)).contains(SecretFixtures.MQTT_HOST);
        assertThat(loader.namespace()).as("no pod, no kubeconfig").isEqualTo("default");
        assertThat(NoSecretValuesLogged.lines())
                .anyMatch(line -> line.contains("Optional platform secret health-platform-db-secret not found")
                        && line.contains("Kubernetes API (namespace default): not configured"));
    }

    @Test
    void unreachableApiServerFallsBackAndSaysSo() throws IOException {
        String closed = "http://127.0.0.1:" + closedPort();
        PlatformSecretLoader loader = loader().apiClient(
                        new ClientBuilder().setBasePath(closed).build())
                .environment(Map.of("KAFKA_BOOTSTRAP_SERVERS", SecretFixtures.KAFKA_SERVERS))
                .build();

        PlatformSecrets secrets = loader.load(KAFKA_ONLY);

        assertThat(secrets.secret(PlatformService.KAFKA).orElseThrow().source()).isEqualTo(SecretSource.ENVIRONMENT);
        assertThat(NoSecretValuesLogged.lines())
                .filteredOn(line -> line.startsWith("WARN") && line.contains("unreachable"))
                .as("one warning, not one per secret")
                .hasSize(1)
                .first()
                .asString()
                .contains("API server " + closed + " unreachable")
                .contains("reading platform secrets from mounted files and environment variables instead");
    }

    @Test
    void unreachableApiServerWithoutFallbackSaysFilesAndEnvironmentWereTried() throws IOException {
        String closed = "http://127.0.0.1:" + closedPort();

        assertThatThrownBy(() -> loader().apiClient(
                                new ClientBuilder().setBasePath(closed).build())
                        .build()
                        .load(KAFKA_ONLY))
                .hasMessageContaining("Kubernetes API (namespace apps): API server " + closed + " unreachable (")
                .hasMessageContaining("mounted files (")
                .hasMessageContaining("environment variables (environment): none of")
                .hasMessageContaining("The Kubernetes API server could not be reached, so mounted files and"
                        + " environment variables were tried instead");
    }

    @Test
    void kubeconfigGivesTheServerAndTheNamespace() throws IOException {
        api.putSecret("team-a", "health-platform-kafka-secret", SecretFixtures.kafka());
        Path kubeconfig = temp.resolve("kubeconfig");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: emulator
                  cluster:
                    server: %s
                contexts:
                - name: emulator
                  context:
                    cluster: emulator
                    user: tester
                    namespace: team-a
                current-context: emulator
                users:
                - name: tester
                  user:
                    token: not-a-real-token
                """.formatted(api.url()));

        PlatformSecretLoader loader = PlatformSecretLoader.builder(PLATFORM)
                .environment(Map.of("KUBECONFIG", kubeconfig.toString()))
                .serviceAccountDirectory(temp.resolve("none"))
                .secretsDirectory(temp.resolve("no-mounts"))
                .build();
        PlatformSecrets secrets = loader.load(KAFKA_ONLY);

        assertThat(loader.namespace()).isEqualTo("team-a");
        assertThat(secrets.secret(PlatformService.KAFKA).orElseThrow().source()).isEqualTo(SecretSource.KUBERNETES_API);
        assertThat(secrets.value(SecretKey.KAFKA_BOOTSTRAP_SERVERS)).contains(SecretFixtures.KAFKA_SERVERS);
    }

    @Test
    void sourcesCanBeRestrictedFromTheEnvironment() {
        api.putSecret(NAMESPACE, "health-platform-kafka-secret", SecretFixtures.kafka());
        PlatformSecretLoader loader = loader().environment(Map.of(
                        "PLATFORM_SECRETS_SOURCES", "env",
                        "KAFKA_BOOTSTRAP_SERVERS", "env-kafka:9092"))
                .build();

        assertThat(loader.sources()).containsExactly(SecretSource.ENVIRONMENT);
        assertThat(loader.load(KAFKA_ONLY).value(SecretKey.KAFKA_BOOTSTRAP_SERVERS))
                .contains("env-kafka:9092");
    }

    @Test
    void theDeclaredSettingsDocumentTheDefaultSourcesAndDirectory() {
        assertThat(AgentSettings.PLATFORM_SECRETS_SOURCES.defaultValue())
                .isEqualTo(PlatformSecretLoader.DEFAULT_SOURCES.stream()
                        .map(SecretSource::id)
                        .toList());
        assertThat(PlatformSecretLoader.builder(PLATFORM)
                        .sources(SecretSource.MOUNTED_FILES)
                        .environment(Map.of())
                        .build()
                        .secretsDirectory())
                .isEqualTo(Path.of("/etc/realtime/secrets"));
    }

    @Test
    void invalidSourcesAndPlatformNamesAreConfigurationErrors() {
        assertThatThrownBy(() -> loader().environment(Map.of("PLATFORM_SECRETS_SOURCES", "kubernetes,vault"))
                        .build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Invalid configuration: Invalid value kubernetes,vault for configuration"
                        + " PLATFORM_SECRETS_SOURCES (from environment variable PLATFORM_SECRETS_SOURCES): 'vault' is"
                        + " not a secret source: use kubernetes, files or env, comma-separated in the order to try");
        assertThatThrownBy(() -> PlatformSecretLoader.builder("Health_Platform").build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Invalid platform name 'Health_Platform' (REALTIME_PLATFORM)");
    }

    /** A pod's service-account directory: a token whose payload names the account, and the namespace file. */
    private Path serviceAccount(String subject, String namespace) throws IOException {
        Path directory = Files.createDirectories(temp.resolve("serviceaccount"));
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8));
        String claims =
                base64.encodeToString(("{\"iss\":\"https://kubernetes.default.svc\",\"sub\":\"" + subject + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
        Files.writeString(directory.resolve("token"), header + "." + claims + ".signature");
        Files.writeString(directory.resolve("namespace"), namespace);
        return directory;
    }

    /** Writes a secret as the kubelet mounts it: files in a timestamped directory, linked through {@code ..data}. */
    static void mountLikeKubelet(Path directory, Map<String, String> values) throws IOException {
        Path data = Files.createDirectories(directory.resolve("..2026_01_01_00_00_00.000000001"));
        for (Map.Entry<String, String> entry : values.entrySet()) {
            Files.writeString(data.resolve(entry.getKey()), entry.getValue());
        }
        Path link = directory.resolve("..data");
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, data.getFileName());
        for (String key : values.keySet()) {
            Path file = directory.resolve(key);
            if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.createSymbolicLink(file, Path.of("..data", key));
            }
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
