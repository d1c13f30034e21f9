package io.realtimeagents.agent.internal.delivery;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The agent's OpenTelemetry tracing: the tracer and the propagators of {@link GlobalOpenTelemetry} (no-op unless the
 * application installed an SDK). Inactive, when both are no-op, the agent starts no span and extracts or injects
 * nothing, so untraced messages cost one volatile read and a comparison.
 */
public final class Tracing {
    /** The name of the agent's tracer (its instrumentation scope). */
    public static final String SCOPE = "io.realtimeagents.realtime-agent";

    /** The W3C header (Kafka), user property (MQTT) and HTTP header of the trace context. */
    public static final String TRACEPARENT = "traceparent";

    /** The W3C header, user property and HTTP header of vendor-specific trace state. */
    public static final String TRACESTATE = "tracestate";

    /** The semantic-conventions attribute of a message's correlation id. */
    public static final String CONVERSATION_ID = "messaging.message.conversation_id";

    /** Reads a message's headers (Kafka headers, MQTT user properties). */
    public static final TextMapGetter<InboundMessage> MESSAGE_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(InboundMessage carrier) {
            List<String> names = new ArrayList<>();
            carrier.forEachHeader((name, value) -> names.add(name));
            return names;
        }

        @Override
        public String get(InboundMessage carrier, String key) {
            return carrier == null ? null : carrier.header(key);
        }
    };

    /** Writes header names and values to a consumer (an output's headers or user properties). */
    public static final TextMapSetter<BiConsumer<String, String>> HEADER_WRITER = (carrier, key, value) -> {
        if (carrier != null) {
            carrier.accept(key, value);
        }
    };

    private static volatile Tracing cached = new Tracing(OpenTelemetry.noop());

    private final OpenTelemetry source;
    private final Tracer tracer;
    private final TextMapPropagator propagator;
    private final boolean active;

    private Tracing(OpenTelemetry source) {
        this.source = source;
        this.tracer = source.getTracer(SCOPE);
        this.propagator = source.getPropagators().getTextMapPropagator();
        this.active = source.getTracerProvider() != TracerProvider.noop() || propagator != TextMapPropagator.noop();
    }

    /**
     * The tracing of {@link GlobalOpenTelemetry} as it is now: an SDK installed later is used from then on. It reads
     * the global instance with {@link GlobalOpenTelemetry#getOrNoop()}, which, unlike {@code get()}, does not fix the
     * no-op instance as the global one, so the application can still install its SDK after the agent started.
     */
    public static Tracing current() {
        OpenTelemetry global = GlobalOpenTelemetry.getOrNoop();
        Tracing tracing = cached;
        if (tracing.source != global) {
            tracing = new Tracing(global);
            cached = tracing;
        }
        return tracing;
    }

    /** The tracing of the given OpenTelemetry instance (for tests and tools). */
    public static Tracing of(OpenTelemetry openTelemetry) {
        return new Tracing(openTelemetry);
    }

    /** False when both the tracer and the propagators are no-op: nothing is traced or propagated. */
    public boolean active() {
        return active;
    }

    /** The agent's tracer. */
    public Tracer tracer() {
        return tracer;
    }

    /** The trace context a carrier holds (W3C {@code traceparent}/{@code tracestate} with the default propagator). */
    public <C> Context extract(C carrier, TextMapGetter<C> getter) {
        return propagator.extract(Context.root(), carrier, getter);
    }

    /** The trace context a message's headers hold. */
    Context extract(InboundMessage message) {
        return extract(message, MESSAGE_HEADERS);
    }

    /** Writes a trace context as headers to the consumer ({@code traceparent}, {@code tracestate}). */
    public void inject(Context context, BiConsumer<String, String> headers) {
        propagator.inject(context, headers, HEADER_WRITER);
    }

    /** Writes the current trace context as headers to the consumer, when tracing is active. */
    public static void injectCurrent(BiConsumer<String, String> headers) {
        Tracing tracing = current();
        if (tracing.active) {
            tracing.inject(Context.current(), headers);
        }
    }

    /** Marks a span failed with the error and ends it. */
    public static void endFailed(Span span, Throwable error) {
        span.recordException(error);
        span.setStatus(StatusCode.ERROR, error.toString());
        span.end();
    }
}
