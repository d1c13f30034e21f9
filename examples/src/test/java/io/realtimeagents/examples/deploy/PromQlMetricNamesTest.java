package io.realtimeagents.examples.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The metric names the exported-metrics check finds in PromQL: a misspelt metric is never taken for a keyword. */
class PromQlMetricNamesTest {
    @Test
    void metricsAreFoundAndFunctionsKeywordsLabelsAndDurationsAreNot() {
        assertThat(
                        ExportedMetricNamesIT.metricNames(
                                "histogram_quantile(0.99, sum by (namespace, service, le) (rate(realtime_handler_latency_seconds_bucket{namespace=\"$namespace\"}[$__rate_interval]))) > 1"))
                .containsExactly("realtime_handler_latency_seconds_bucket");
        assertThat(ExportedMetricNamesIT.metricNames(
                        "max by (pod) (process_cpu_usage) and on (pod) up == 0 or realtime_records_consumd_total"))
                .containsExactly("process_cpu_usage", "up", "realtime_records_consumd_total");
        assertThat(ExportedMetricNamesIT.metricNames("label_values(realtime_records_consumed_total, namespace)"))
                .containsExactly("realtime_records_consumed_total");
        assertThat(ExportedMetricNamesIT.metricNames("sum(increase(realtime_records_dead_lettered_total[1h]))"))
                .containsExactly("realtime_records_dead_lettered_total");
    }
}
