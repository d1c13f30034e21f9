package io.realtimeagents.agent.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.realtimeagents.agent.internal.delivery.Tracing;
import org.junit.jupiter.api.Test;

/** The trace context of HTTP requests' headers. */
class HttpTracingTest {
    private static final Tracing W3C =
            Tracing.of(OpenTelemetry.propagating(ContextPropagators.create(W3CTraceContextPropagator.getInstance())));

    @Test
    void aRequestsTraceparentHeader_isItsTraceContext() {
        HttpRequest<String> request = HttpRequest.POST("/tasks", "{}")
                .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

        SpanContext read = Span.fromContext(W3C.extract(request.getHeaders(), HttpTracing.HEADERS))
                .getSpanContext();

        assertThat(read.getTraceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(read.getSpanId()).isEqualTo("00f067aa0ba902b7");
    }

    @Test
    void aRequestWithoutTraceparent_hasNone_andUntracedAgentsExtractNothing() {
        HttpRequest<String> request = HttpRequest.POST("/tasks", "{}");

        assertThat(Span.fromContext(W3C.extract(request.getHeaders(), HttpTracing.HEADERS))
                        .getSpanContext()
                        .isValid())
                .isFalse();
        assertThat(HttpTracing.extract(request))
                .as("no SDK is installed in unit tests: nothing is extracted")
                .isNull();
    }
}
