package io.realtimeagents.agent.internal.delivery;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.realtimeagents.common.handler.MessageContext;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;

/**
 * What travels from an inbound message to every output of its handling, besides its key: the correlation id and,
 * when tracing is active ({@link Tracing}), the W3C trace context. Outputs write both with {@link #forEachHeader}
 * (Kafka headers, MQTT user properties).
 *
 * @param correlationId the handling's correlation id, never null
 * @param trace the handling's trace context (its span), or null when tracing is inactive
 * @param tracing what writes the trace context, or null when tracing is inactive
 */
public record Propagation(String correlationId, Context trace, Tracing tracing) {
    /** The propagation of an untraced handling. */
    public Propagation(String correlationId) {
        this(correlationId, null, null);
    }

    /** The header (Kafka), user property (MQTT) and JSON field that carries the correlation id. */
    public static final String CORRELATION_ID = MessageContext.CORRELATION_ID;

    /**
     * The propagation of a message: the first of the ids it carries that is present and not blank, else a new random
     * id.
     */
    public static Propagation of(String carried, String alternative) {
        if (carried != null && !carried.isBlank()) {
            return new Propagation(carried);
        }
        return new Propagation(alternative != null && !alternative.isBlank() ? alternative : newId());
    }

    /**
     * A new random (version 4) UUID. Correlation ids need no secure randomness, and a thread-local generator keeps
     * partition workers from contending for {@link UUID#randomUUID()}'s shared one.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48); // IETF variant
        return new UUID(high, low).toString();
    }

    /** This propagation with the trace context of the handling's span. */
    public Propagation withTrace(Tracing writer, Context context) {
        return new Propagation(correlationId, context, writer);
    }

    /** Gives each header that outputs carry, name and value, to the consumer. */
    public void forEachHeader(BiConsumer<String, String> consumer) {
        consumer.accept(CORRELATION_ID, correlationId);
        forEachTraceHeader(consumer);
    }

    /**
     * Gives the trace headers ({@code traceparent}, {@code tracestate}) to the consumer, when the handling is traced:
     * those of the span current on this thread (a span the handler started, nested in the handling's), else of the
     * handling's span.
     */
    public void forEachTraceHeader(BiConsumer<String, String> consumer) {
        if (trace != null) {
            Context now = Context.current();
            tracing.inject(Span.fromContext(now).getSpanContext().isValid() ? now : trace, consumer);
        }
    }

    /** The propagation of the handling that runs on this thread, or null when none runs. */
    public static Propagation current() {
        return Handling.currentPropagation();
    }
}
