package io.realtimeagents.examples.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.realtimeagents.agent.RealtimeAgents;
import io.realtimeagents.agent.RunningAgent;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.examples.deploy.Manifests.Document;
import io.realtimeagents.examples.health.HealthAgent;
import io.realtimeagents.testkit.Await;
import io.realtimeagents.testkit.KafkaBroker;
import io.realtimeagents.testkit.KafkaTestClient;
import io.realtimeagents.testkit.WithKafka;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every metric named in the alert rules and the Grafana dashboard is one a running agent exports: a real
 * {@link HealthAgent} consumes a few readings (one failing, one sent to an invalid topic so that failure, retry,
 * dead-letter and producer-error meters exist) and its {@code /metrics} is scraped.
 */
@WithKafka
class ExportedMetricNamesIT {
    /** Metrics of other exporters the rules may use: kube-state-metrics, and Prometheus's own 'up'. */
    private static final Set<String> EXTERNAL =
            Set.of("up", "kube_deployment_status_replicas_ready", "kube_deployment_spec_replicas");
    /** PromQL aggregation operators (followed by 'by'), keywords, and label names that look like identifiers. */
    private static final Set<String> NOT_METRICS = Set.of(
            "sum",
            "min",
            "max",
            "avg",
            "count",
            "group",
            "stddev",
            "stdvar",
            "topk",
            "bottomk",
            "quantile",
            "count_values",
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "and",
            "or",
            "unless",
            "bool",
            "offset",
            "namespace",
            "service",
            "topic",
            "partition",
            "message_type",
            "reason",
            "le",
            "pod",
            "area",
            "deployment",
            "job",
            "transport");

    private static final Pattern TOKEN = Pattern.compile("[$\\w:.]+");
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    /** The health agent plus a message type whose handler sends to an invalid topic name. */
    static final class ProbedHealthAgent extends HealthAgent {
        @Override
        protected void initialize() {
            super.initialize();
            onMessage(
                    "send_probe",
                    String.class,
                    (payload, context) -> sendKafkaMessage("invalid topic name!", payload)
                            .toCompletableFuture()
                            .join());
        }
    }

    @Test
    void everyMetricInTheAlertRulesAndTheDashboardIsExported(KafkaBroker broker, KafkaTestClient client)
            throws Exception {
        String topic = client.uniqueTopic("vitals", 2);
        AgentConfig config = AgentConfig.builder()
                .serviceName("metrics-probe-agent")
                .kafkaBootstrapServers(broker.bootstrapServers())
                .streamingTopics(topic)
                .retries(1, Duration.ofMillis(10), Duration.ofMillis(10))
                .httpPort(0)
                .build();
        try (RunningAgent agent =
                RealtimeAgents.app(ProbedHealthAgent::new).config(config).start()) {
            client.produce(topic, "p1", "{\"message_type\":\"heart_rate\",\"patient_id\":\"p1\",\"value\":72}");
            client.produce(topic, "p2", "{\"message_type\":\"heart_rate\",\"patient_id\":\"p2\"}"); // no value: fails
            client.produce(topic, "p3", "{\"message_type\":\"send_probe\",\"payload\":\"x\"}");
            URI metrics = agent.url().resolve("/metrics");
            Set<String> exported = new TreeSet<>();
            Await.await(DEADLINE, "the failure, dead-letter and producer-error meters", () -> {
                exported.clear();
                exported.addAll(sampleNames(scrape(metrics)));
                return exported.containsAll(List.of(
                        "realtime_records_dead_lettered_total",
                        "realtime_producer_errors_total",
                        "realtime_records_retried_total",
                        "realtime_consumer_lag"));
            });

            Set<String> used = new TreeSet<>();
            expressions().forEach(expression -> used.addAll(metricNames(expression)));

            assertThat(used)
                    .contains(
                            "realtime_consumer_lag",
                            "realtime_records_dead_lettered_total",
                            "realtime_records_failed_total",
                            "realtime_records_processed_total",
                            "realtime_handler_latency_seconds_bucket",
                            "kube_deployment_status_replicas_ready",
                            "up");
            for (String name : used) {
                if (EXTERNAL.contains(name)) {
                    continue;
                }
                assertThat(exported)
                        .as("metric %s used in deploy/observability, exported: %s", name, exported)
                        .contains(name);
            }
        }
    }

    /** Every PromQL expression of the alert rules and the dashboard (panel targets and template queries). */
    private static List<String> expressions() throws IOException {
        List<String> expressions = new ArrayList<>();
        Document rules = Manifests.ofKind(
                        Manifests.documents(Manifests.DEPLOY.resolve("observability/prometheusrule.yaml")),
                        "PrometheusRule")
                .get(0);
        List<Map<String, Object>> groups = Manifests.at(rules.map(), "spec", "groups");
        for (Map<String, Object> group : groups) {
            List<Map<String, Object>> list = Manifests.at(group, "rules");
            list.forEach(rule -> expressions.add(String.valueOf(rule.get("expr"))));
        }
        JsonNode dashboard = new ObjectMapper().readTree(Manifests.read("observability/grafana-dashboard.json"));
        dashboard
                .path("panels")
                .forEach(panel -> panel.path("targets")
                        .forEach(target -> expressions.add(target.path("expr").asText())));
        dashboard.path("templating").path("list").forEach(variable -> {
            if (variable.path("query").has("query")) {
                expressions.add(variable.path("query").path("query").asText());
            }
        });
        assertThat(expressions).hasSizeGreaterThan(20).doesNotContain("");
        return expressions;
    }

    /** The metric names of a PromQL expression: identifiers that are not functions, keywords or label names. */
    static Set<String> metricNames(String expression) {
        String text = expression.replaceAll("\"[^\"]*\"", "\"\"");
        Set<String> names = new LinkedHashSet<>();
        Matcher token = TOKEN.matcher(text);
        while (token.find()) {
            String word = token.group();
            if (word.startsWith("$") || Character.isDigit(word.charAt(0)) || NOT_METRICS.contains(word)) {
                continue;
            }
            String rest = text.substring(token.end()).stripLeading();
            if (!rest.startsWith("(")) {
                names.add(word);
            }
        }
        return names;
    }

    private static String scrape(URI uri) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The names of the samples of a Prometheus text exposition. */
    private static Set<String> sampleNames(String exposition) {
        Set<String> names = new TreeSet<>();
        for (String line : exposition.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int end = line.indexOf('{') >= 0 ? line.indexOf('{') : line.indexOf(' ');
                names.add(line.substring(0, end));
            }
        }
        return names;
    }
}
