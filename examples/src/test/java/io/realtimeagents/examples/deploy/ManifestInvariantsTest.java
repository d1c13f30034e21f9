package io.realtimeagents.examples.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1HTTPGetAction;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1Role;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.common.config.Setting;
import io.realtimeagents.examples.deploy.Manifests.Document;
import io.realtimeagents.secrets.PlatformService;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What the manifests promise matches what the agent and its secret loader do. */
class ManifestInvariantsTest {
    private static final List<Document> ALL = Manifests.all();
    private static final String TEMPLATE = Manifests.<String>at(
            Manifests.ofKind(ALL, "ComponentDefinition").get(0).map(), "spec", "schematic", "cue", "template");

    private static V1Deployment agent() {
        return Manifests.typed(
                        Manifests.documents(Manifests.DEPLOY.resolve("kustomize/base/deployment.yaml")),
                        V1Deployment.class)
                .get(0);
    }

    private static V1Container container(V1Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static String env(V1Container container, String name) {
        return container.getEnv().stream()
                .filter(e -> e.getName().equals(name))
                .map(V1EnvVar::getValue)
                .findFirst()
                .orElse(null);
    }

    private static Set<String> secretNames(String platform) {
        return Arrays.stream(PlatformService.values())
                .map(service -> service.secretName(platform))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    @Test
    void roleResourceNamesAreTheSecretNamesOfTheConfiguredPlatform() {
        String platform = env(container(agent()), "REALTIME_PLATFORM");
        V1Role role = Manifests.typed(ALL, V1Role.class).get(0);

        assertThat(platform).isEqualTo("health-platform");
        assertThat(role.getRules()).hasSize(1);
        assertThat(role.getRules().get(0).getResources()).containsExactly("secrets");
        assertThat(role.getRules().get(0).getApiGroups()).containsExactly("");
        assertThat(role.getRules().get(0).getResourceNames())
                .containsExactlyInAnyOrderElementsOf(secretNames(platform));
        assertThat(role.getRules().get(0).getVerbs()).containsExactlyInAnyOrder("get", "watch");
        // The example platform publishes exactly these secrets.
        assertThat(Manifests.typed(ALL, V1Secret.class))
                .extracting(secret -> secret.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(secretNames(platform));
    }

    @Test
    void theOamComponentGrantsTheSecretsOfItsPlatformParameter() {
        Document application = Manifests.ofKind(ALL, "Application").get(0);
        List<Map<String, Object>> components = Manifests.at(application.map(), "spec", "components");
        Map<String, Object> properties = Manifests.at(components.get(0), "properties");

        assertThat(components.get(0)).containsEntry("type", "realtime-agent");
        assertThat(properties).containsEntry("realtime", "health-platform");
        // The template names the secrets parameter.realtime + "-" + s + "-secret" for s in _services.
        assertThat(TEMPLATE)
                .contains("_secret: {for s in _services {\"\\(s)\": parameter.realtime + \"-\" + s + \"-secret\"}}")
                .contains("resourceNames: [for s in _services {_secret[s]}]")
                .contains("verbs: [\"get\", \"watch\"]");
        Matcher services = Pattern.compile("_services: \\[([^]]*)]").matcher(TEMPLATE);
        assertThat(services.find()).isTrue();
        assertThat(services.group(1).replace("\"", "").split(",\\s*"))
                .containsExactly(Arrays.stream(PlatformService.values())
                        .map(PlatformService::id)
                        .toArray(String[]::new));
    }

    @Test
    void probesAndPortsAreTheOnesTheAgentServes() {
        V1Deployment deployment = agent();
        V1Container container = container(deployment);
        int httpPort = portSetting(container);
        V1ContainerPort http = container.getPorts().get(0);

        assertThat(httpPort).isEqualTo(AgentSettings.HTTP_PORT.defaultValue()).isEqualTo(8080);
        assertThat(http.getName()).isEqualTo("http");
        assertThat(http.getContainerPort()).isEqualTo(httpPort);
        assertProbe(container.getLivenessProbe().getHttpGet(), "/health/live");
        assertProbe(container.getStartupProbe().getHttpGet(), "/health/live");
        assertProbe(container.getReadinessProbe().getHttpGet(), "/health/ready");

        V1Service service = Manifests.typed(ALL, V1Service.class).stream()
                .filter(s -> s.getMetadata().getName().equals("health-agent"))
                .findFirst()
                .orElseThrow();
        assertThat(service.getSpec().getPorts().get(0).getTargetPort()).isEqualTo(new IntOrString("http"));
        assertThat(service.getSpec().getSelector())
                .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
        Document monitor = Manifests.ofKind(ALL, "ServiceMonitor").get(0);
        List<Map<String, Object>> endpoints = Manifests.at(monitor.map(), "spec", "endpoints");
        assertThat(endpoints.get(0)).containsEntry("port", "http").containsEntry("path", "/metrics");
        V1NetworkPolicy policy = Manifests.typed(ALL, V1NetworkPolicy.class).get(0);
        assertThat(policy.getSpec().getIngress().get(0).getPorts().get(0).getPort())
                .isEqualTo(new IntOrString("http"));

        assertThat(TEMPLATE)
                .contains("httpGet: {path: \"/health/live\", port: \"http\"}")
                .contains("httpGet: {path: \"/health/ready\", port: \"http\"}")
                .contains("port: *" + AgentSettings.HTTP_PORT.defaultValue() + " | int")
                .contains("ports: [{name: \"http\", containerPort: parameter.port, protocol: \"TCP\"}]")
                .contains("{name: \"HTTP_PORT\", value: \"\\(parameter.port)\"}");
    }

    @Test
    void theGracePeriodIsLongerThanTheAgentsDrain() {
        V1Deployment deployment = agent();
        V1PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        String configured = env(container(deployment), "SHUTDOWN_TIMEOUT");
        Duration drain = configured != null
                ? Duration.ofSeconds(Long.parseLong(configured.replace("s", "")))
                : AgentSettings.SHUTDOWN_TIMEOUT.defaultValue();

        assertThat(drain).isEqualTo(Duration.ofSeconds(20));
        assertThat(pod.getTerminationGracePeriodSeconds()).isGreaterThan(drain.toSeconds());
        Matcher grace = Pattern.compile("terminationGracePeriodSeconds: (\\d+)").matcher(TEMPLATE);
        assertThat(grace.find()).isTrue();
        assertThat(Long.parseLong(grace.group(1))).isGreaterThan(drain.toSeconds());
        assertThat(TEMPLATE).contains("{name: \"SHUTDOWN_TIMEOUT\", value: \"20s\"}");
    }

    @Test
    void everyEnvironmentVariableIsASettingOrDocumented() {
        Set<String> known = AgentSettings.all().stream().map(Setting::env).collect(Collectors.toSet());
        Set<String> documented = Manifests.namesDocumentedInReadme();
        Set<String> used = new LinkedHashSet<>();
        for (V1Deployment deployment : Manifests.typed(ALL, V1Deployment.class)) {
            V1PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            for (V1Container container : pod.getContainers()) {
                container.getEnv().forEach(e -> used.add(e.getName()));
            }
            if (pod.getInitContainers() != null) {
                pod.getInitContainers().forEach(c -> c.getEnv().forEach(e -> used.add(e.getName())));
            }
        }
        // In the CUE template: the names in the container's env list and in the secret key lists it expands.
        String envList = TEMPLATE.substring(TEMPLATE.indexOf("env: ["), TEMPLATE.indexOf("startupProbe:"));
        String keyLists = TEMPLATE.substring(TEMPLATE.indexOf("_optionalKeys: {"), TEMPLATE.indexOf("output: {"));
        Matcher literal = Pattern.compile("\"([A-Z][A-Z0-9_]+)\"").matcher(envList + keyLists);
        while (literal.find()) {
            used.add(literal.group(1));
        }

        assertThat(used)
                .contains("REALTIME_PLATFORM", "KAFKA_BOOTSTRAP_SERVERS", "KAFKA_SASL_PASSWORD", "MQTT_PASSWORD");
        assertThat(used)
                .allSatisfy(name -> assertThat(known.contains(name) || documented.contains(name))
                        .as("%s is neither an AgentSettings variable nor documented in deploy/README.md", name)
                        .isTrue());
        // The secret-derived names are documented as keys of the platform secrets (the key table).
        assertThat(documented).contains("KAFKA_SASL_MECHANISM", "KAFKA_SSL_CA_CERT", "PLATFORM_SECRETS_DIR");
    }

    @Test
    void theOamSecretReferencesAreOptionalExceptTheRequiredKafkaBootstrapServers() {
        assertThat(TEMPLATE)
                .contains("key:      \"KAFKA_BOOTSTRAP_SERVERS\"\n")
                .contains("optional: !parameter.streaming.enabled")
                .contains("valueFrom: secretKeyRef: {name: _secret[s], key: k, optional: true}");
    }

    private static int portSetting(V1Container container) {
        String configured = env(container, "HTTP_PORT");
        return configured != null ? Integer.parseInt(configured) : AgentSettings.HTTP_PORT.defaultValue();
    }

    private static void assertProbe(V1HTTPGetAction probe, String path) {
        assertThat(probe.getPath()).isEqualTo(path);
        assertThat(probe.getPort()).isEqualTo(new IntOrString("http"));
    }
}
