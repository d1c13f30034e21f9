package io.realtimeagents.agent.internal.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.realtimeagents.agent.internal.delivery.Handling;
import io.realtimeagents.agent.internal.delivery.Propagation;
import io.realtimeagents.agent.internal.delivery.Tracing;
import io.realtimeagents.common.model.EventType;
import io.realtimeagents.common.model.RealtimeEvent;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** W3C trace context read from consumed records' headers and written to the headers of output records. */
class TraceHeadersTest {
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN_ID = "00f067aa0ba902b7";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-" + SPAN_ID + "-01";
    private static final Tracing W3C =
            Tracing.of(OpenTelemetry.propagating(ContextPropagators.create(W3CTraceContextPropagator.getInstance())));

    @Test
    void withoutAnSdk_tracingIsInactive() {
        assertThat(Tracing.of(OpenTelemetry.noop()).active()).isFalse();
        assertThat(W3C.active()).isTrue();
    }

    @Test
    void aRecordsTraceparentAndTracestateHeaders_areItsTraceContext() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("traceparent", TRACEPARENT.getBytes(StandardCharsets.UTF_8));
        headers.add("tracestate", "vendor=1".getBytes(StandardCharsets.UTF_8));

        SpanContext read = Span.fromContext(W3C.extract(inbound(headers), Tracing.MESSAGE_HEADERS))
                .getSpanContext();

        assertThat(read.isRemote()).isTrue();
        assertThat(read.getTraceId()).isEqualTo(TRACE_ID);
        assertThat(read.getSpanId()).isEqualTo(SPAN_ID);
        assertThat(read.getTraceState().get("vendor")).isEqualTo("1");
    }

    @Test
    void aRecordWithoutTraceparent_hasNoTraceContext() {
        Context read = W3C.extract(inbound(new RecordHeaders()), Tracing.MESSAGE_HEADERS);

        assertThat(Span.fromContext(read).getSpanContext().isValid()).isFalse();
    }

    @Test
    void recordsAndEventsSentDuringATracedHandling_carryItsTraceContext_besideTheCorrelationId() {
        Context trace = Context.root()
                .with(Span.wrap(SpanContext.create(
                        TRACE_ID,
                        SPAN_ID,
                        TraceFlags.getSampled(),
                        TraceState.builder().put("vendor", "2").build())));
        Propagation propagation = new Propagation("c-1").withTrace(W3C, trace);
        ProducerRecord<byte[], byte[]> sent;
        ProducerRecord<byte[], byte[]> event;
        try (Handling handling = Handling.open(null, propagation)) {
            sent = OutputRecords.record("out", "k", new byte[0], Map.of());
            event = OutputRecords.event("events", RealtimeEvent.of(EventType.ALERT_TRIGGERED, "test", Map.of()));
        }

        for (ProducerRecord<byte[], byte[]> record : new ProducerRecord[] {sent, event}) {
            assertThat(header(record, "traceparent")).isEqualTo(TRACEPARENT);
            assertThat(header(record, "tracestate")).isEqualTo("vendor=2");
            assertThat(header(record, "correlation_id")).isEqualTo("c-1");
        }
    }

    @Test
    void recordsSentDuringAnUntracedHandling_carryNoTraceHeaders() {
        ProducerRecord<byte[], byte[]> sent;
        try (Handling handling = Handling.open(null, new Propagation("c-2"))) {
            sent = OutputRecords.record("out", "k", new byte[0], Map.of());
        }

        assertThat(header(sent, "traceparent")).isNull();
        assertThat(header(sent, "correlation_id")).isEqualTo("c-2");
    }

    private static KafkaInbound inbound(RecordHeaders headers) {
        return new KafkaInbound(new ConsumerRecord<>(
                "in", 0, 7L, 0L, TimestampType.CREATE_TIME, 0, 0, null, new byte[0], headers, Optional.empty()));
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
