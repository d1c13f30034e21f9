package io.realtimeagents.agent.internal.server;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.realtimeagents.agent.internal.delivery.Tracing;

/** The trace context of HTTP requests: their W3C {@code traceparent} and {@code tracestate} headers. */
final class HttpTracing {
    /** Reads a request's headers. */
    static final TextMapGetter<HttpHeaders> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(HttpHeaders carrier) {
            return carrier.names();
        }

        @Override
        public String get(HttpHeaders carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private HttpTracing() {}

    /**
     * The trace context of a request's headers when tracing is active (the root context when they carry none, so its
     * span starts a new trace), else null.
     */
    static Context extract(HttpRequest<?> request) {
        Tracing tracing = Tracing.current();
        return tracing.active() ? tracing.extract(request.getHeaders(), HEADERS) : null;
    }
}
