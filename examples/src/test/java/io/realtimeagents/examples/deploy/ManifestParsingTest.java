package io.realtimeagents.examples.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Role;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.util.Yaml;
import io.realtimeagents.examples.deploy.Manifests.Document;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Every manifest parses, Kubernetes kinds into the official client's typed objects; the dev overlay renders. */
class ManifestParsingTest {
    private static final List<String> CUSTOM_KINDS = List.of(
            "Kustomization",
            "Kafka",
            "KafkaNodePool",
            "KafkaUser",
            "KafkaTopic",
            "ServiceMonitor",
            "PrometheusRule",
            "ComponentDefinition",
            "Application");

    @Test
    void everyYamlFileParsesAndEveryKubernetesKindIsTyped() {
        List<Document> documents = Manifests.all();

        assertThat(Manifests.yamlFiles()).hasSizeGreaterThanOrEqualTo(18);
        for (Document document : documents) {
            assertThat(document.map()).as("%s", document.file()).containsKeys("apiVersion", "kind");
            if (document.typed() == null) {
                assertThat(CUSTOM_KINDS)
                        .as(
                                "kind %s in %s is neither a Kubernetes kind nor an expected custom resource",
                                document.kind(), document.file())
                        .contains(document.kind());
            }
        }
        assertThat(documents)
                .extracting(Document::kind)
                .contains(
                        "Deployment",
                        "Service",
                        "ServiceAccount",
                        "Role",
                        "RoleBinding",
                        "PodDisruptionBudget",
                        "HorizontalPodAutoscaler",
                        "NetworkPolicy",
                        "Secret",
                        "ConfigMap",
                        "Kafka",
                        "KafkaNodePool",
                        "ServiceMonitor",
                        "PrometheusRule",
                        "ComponentDefinition",
                        "Application");
        assertThat(Manifests.typed(documents, V1Deployment.class)).hasSize(2); // the agent, Mosquitto
        assertThat(Manifests.typed(documents, V1Role.class)).hasSize(1);
    }

    @Test
    void strimziClusterRunsInKraftModeWithANodePool() {
        List<Document> kafka = Manifests.documents(Manifests.DEPLOY.resolve("platform/kafka.yaml"));
        Document cluster = Manifests.ofKind(kafka, "Kafka").get(0);
        Document pool = Manifests.ofKind(kafka, "KafkaNodePool").get(0);

        assertThat(cluster.apiVersion()).isEqualTo("kafka.strimzi.io/v1beta2");
        assertThat(Manifests.<java.util.Map<String, Object>>at(cluster.map(), "metadata", "annotations"))
                .containsEntry("strimzi.io/node-pools", "enabled")
                .containsEntry("strimzi.io/kraft", "enabled");
        assertThat(Manifests.<List<String>>at(pool.map(), "spec", "roles")).containsExactly("controller", "broker");
        assertThat(Manifests.<java.util.Map<String, Object>>at(pool.map(), "metadata", "labels"))
                .containsEntry("strimzi.io/cluster", cluster.name());
        assertThat(cluster.map().toString()).doesNotContain("zookeeper");
    }

    @Test
    void theGrafanaDashboardIsJson() throws IOException {
        JsonNode dashboard = new ObjectMapper()
                .readTree(Files.readString(
                        Manifests.DEPLOY.resolve("observability/grafana-dashboard.json"), StandardCharsets.UTF_8));

        assertThat(dashboard.path("uid").asText()).isEqualTo("realtime-agents");
        assertThat(dashboard.path("panels").size()).isGreaterThan(8);
    }

    @Test
    void theDevOverlayRendersWithKubectlKustomize() throws Exception {
        ProcessBuilder command = new ProcessBuilder(
                "kubectl",
                "kustomize",
                Manifests.DEPLOY.resolve("kustomize/overlays/dev").toString());
        Process process;
        try {
            process = command.redirectErrorStream(false).start();
        } catch (IOException e) {
            Assumptions.abort(
                    "kubectl is not installed (" + e.getMessage() + "): skipping the kustomize rendering test");
            return;
        }
        String output = readAll(process.getInputStream());
        String errors = readAll(process.getErrorStream());
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("kubectl kustomize finished")
                .isTrue();
        assertThat(process.exitValue())
                .as("kubectl kustomize failed: %s", errors)
                .isZero();

        List<Object> objects = Yaml.loadAll(output);

        assertThat(objects).hasSize(8);
        V1Deployment deployment = objects.stream()
                .filter(V1Deployment.class::isInstance)
                .map(V1Deployment.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(deployment.getMetadata().getNamespace()).isEqualTo("health");
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
        assertThat(deployment
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getImage())
                .isEqualTo("realtime-agents/health-agent:0.1.0");
        V1Service service = objects.stream()
                .filter(V1Service.class::isInstance)
                .map(V1Service.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(service.getMetadata().getLabels()).containsEntry("app.kubernetes.io/part-of", "realtime-agents");
        Manifests.ofKind(Manifests.documents(Manifests.DEPLOY, output), "RoleBinding")
                .forEach(binding -> assertThat(binding.map().toString()).contains("namespace=health"));
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
