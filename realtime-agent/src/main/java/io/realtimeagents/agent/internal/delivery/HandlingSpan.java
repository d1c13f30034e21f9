package io.realtimeagents.agent.internal.delivery;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.realtimeagents.agent.DeadLetterHeaders;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The span of one handling of a message (all its attempts): a {@code CONSUMER} span named {@code <topic> process},
 * child of the trace context the message carries (else a new trace's root), current while the handler runs, ended
 * when the handling's outcome is known (its outputs acknowledged, or the failure strategy settled it).
 */
final class HandlingSpan {
    /** The span of handlings while tracing is inactive: does nothing. */
    private static final HandlingSpan NONE = new HandlingSpan(null, null, null);

    private final Tracing tracing;
    private final Span span;
    private final Context context;

    private HandlingSpan(Tracing tracing, Span span, Context context) {
        this.tracing = tracing;
        this.span = span;
        this.context = context;
    }

    /** The span of a handling, started now; one that does nothing when tracing is inactive. */
    static HandlingSpan start(HandlingSubject subject) {
        Tracing tracing = Tracing.current();
        if (!tracing.active()) {
            return NONE;
        }
        InboundMessage message = subject.message();
        Context parent = tracing.extract(message);
        SpanBuilder builder = tracing.tracer()
                .spanBuilder(message.metricsTopic() + " process")
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", message.transport())
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", message.topic())
                .setAttribute("realtime.message_type", subject.type())
                .setAttribute(Tracing.CONVERSATION_ID, subject.propagation().correlationId());
        Map<String, String> origin = message.origin();
        String partition = origin.get(DeadLetterHeaders.ORIGINAL_PARTITION);
        if (partition != null) {
            builder.setAttribute("messaging.destination.partition.id", partition);
            builder.setAttribute(
                    "messaging.kafka.offset", Long.parseLong(origin.get(DeadLetterHeaders.ORIGINAL_OFFSET)));
        }
        Span span = builder.startSpan();
        return new HandlingSpan(tracing, span, parent.with(span));
    }

    /** What the outputs of the handling carry: the subject's propagation with this span's context. */
    Propagation propagation(Propagation untraced) {
        return span == null ? untraced : untraced.withTrace(tracing, context);
    }

    /**
     * Makes the span current on this thread while the handler runs, so spans the handler starts nest in it; null (no
     * scope to close) when tracing is inactive.
     */
    Scope enter() {
        return span == null ? null : context.makeCurrent();
    }

    /** Records the failure of an attempt (there may be more). */
    void attemptFailed(Throwable failure) {
        if (span != null) {
            span.recordException(failure);
        }
    }

    /** Ends the span when the outputs of the handled message are acknowledged (or failed); returns the outcome. */
    Outcome handled(Outcome outcome) {
        if (span == null) {
            return outcome;
        }
        CompletableFuture<Void> outputs = outcome.outputs();
        if (outputs.isDone() && !outputs.isCompletedExceptionally()) {
            span.end();
            return outcome;
        }
        outputs.whenComplete((ignored, error) -> {
            if (error != null) {
                Tracing.endFailed(span, Handling.unwrap(error));
            } else {
                span.end();
            }
        });
        return outcome;
    }

    /** Ends the span of a handling that failed for good, or was stopped, with an error status. */
    void failed(String description) {
        if (span == null) {
            return;
        }
        span.setStatus(StatusCode.ERROR, description);
        span.end();
    }
}
