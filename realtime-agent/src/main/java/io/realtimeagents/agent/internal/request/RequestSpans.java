package io.realtimeagents.agent.internal.request;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.realtimeagents.agent.internal.delivery.Tracing;
import io.realtimeagents.common.task.TaskResult;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The spans of requests between agents, when tracing is active: on the calling side a {@code CLIENT} span named
 * {@code <taskType> request}, child of the span current when {@code request(...)} is called, whose context the request
 * record carries and which its reply (or failure, or timeout) ends; on the serving side a {@code SERVER} span named
 * {@code <taskType>} for the task.
 */
final class RequestSpans {
    private RequestSpans() {}

    /** Starts the span of a request, writes its context to the request record, and ends it with the result. */
    static void client(
            String service,
            String taskType,
            String topic,
            String correlationId,
            ProducerRecord<byte[], byte[]> record,
            CompletableFuture<TaskResult> result) {
        Tracing tracing = Tracing.current();
        if (!tracing.active()) {
            return;
        }
        Span span = tracing.tracer()
                .spanBuilder(taskType + " request")
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("realtime.service", service)
                .setAttribute("realtime.task_type", taskType)
                .setAttribute(Tracing.CONVERSATION_ID, correlationId)
                .startSpan();
        tracing.inject(
                Context.current().with(span),
                (name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        result.whenComplete((reply, error) -> {
            if (error != null) {
                Tracing.endFailed(span, error);
            } else {
                end(span, reply);
            }
        });
    }

    /** Starts the span of a served request's task, child of the current (the handling's) span; null when inactive. */
    static Span server(RequestEnvelope request) {
        Tracing tracing = Tracing.current();
        if (!tracing.active()) {
            return null;
        }
        return tracing.tracer()
                .spanBuilder(request.taskType())
                .setSpanKind(SpanKind.SERVER)
                .setAttribute("realtime.task_type", request.taskType())
                .setAttribute("realtime.source_service", String.valueOf(request.sourceService()))
                .setAttribute(Tracing.CONVERSATION_ID, request.correlationId())
                .startSpan();
    }

    /** Ends a task's span, failed when its result is not completed; nothing when null. */
    static void end(Span span, TaskResult result) {
        if (span == null) {
            return;
        }
        if (result != null && !result.isCompleted()) {
            span.setStatus(StatusCode.ERROR, String.valueOf(result.error()));
        }
        span.end();
    }
}
