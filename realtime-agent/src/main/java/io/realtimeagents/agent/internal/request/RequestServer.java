package io.realtimeagents.agent.internal.request;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.realtimeagents.agent.internal.delivery.Handling;
import io.realtimeagents.agent.internal.delivery.Tracing;
import io.realtimeagents.agent.internal.kafka.KafkaSender;
import io.realtimeagents.common.InvalidMessageException;
import io.realtimeagents.common.InvalidTaskInputException;
import io.realtimeagents.common.UnknownTaskTypeException;
import io.realtimeagents.common.handler.MessageContext;
import io.realtimeagents.common.handler.MessageHandler;
import io.realtimeagents.common.json.Json;
import io.realtimeagents.common.task.TaskRequest;
import io.realtimeagents.common.task.TaskResult;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Function;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The serving side of requests: the handler of the request topic's records. It is registered like any message handler,
 * so requests go through the shared dispatcher (decoding, retries, failure strategy, dead letters, metrics), and its
 * reply is an output of the handling: the request's offset is committed only once the brokers stored the reply. A
 * request whose deadline passed is dropped without a reply and counted in {@code realtime_requests_expired_total}; an
 * incomplete one (no correlation id, task type or reply address) is dead-lettered as invalid. A task that fails
 * (its processor threw, its input is invalid, its type unknown) is answered with a {@code failed} result. Traced, the
 * task is a {@code SERVER} span nested in the handling's, and the reply record carries its context.
 */
final class RequestServer implements MessageHandler<RequestEnvelope> {
    private static final Logger LOG = LoggerFactory.getLogger(RequestServer.class);

    private final Function<TaskRequest, TaskResult> processor;
    private final KafkaSender sender;
    private final Counter expired;

    RequestServer(Function<TaskRequest, TaskResult> processor, KafkaSender sender, MeterRegistry registry) {
        this.processor = processor;
        this.sender = sender;
        this.expired = Counter.builder("realtime.requests.expired")
                .description("Requests from other agents dropped unanswered because their deadline had passed")
                .register(registry);
    }

    @Override
    public void handle(RequestEnvelope request, MessageContext context) {
        String problem = request.problem();
        if (problem != null) {
            throw new InvalidMessageException(problem + ": requests are made with request(service, taskType, ...)");
        }
        if (request.deadline() > 0 && System.currentTimeMillis() > request.deadline()) {
            expired.increment();
            LOG.debug(
                    "Dropped request {} for task {} from {}: its deadline passed",
                    request.correlationId(),
                    request.taskType(),
                    request.sourceService());
            return;
        }
        Span span = RequestSpans.server(request);
        try (Scope traced = span == null ? null : span.makeCurrent()) {
            TaskResult result = run(request);
            ProducerRecord<byte[], byte[]> reply = new ProducerRecord<>(
                    request.replyTopic(),
                    request.replyPartition(),
                    request.correlationId().getBytes(StandardCharsets.UTF_8),
                    Json.encode(new ReplyEnvelope(request.correlationId(), request.replyTo(), result)));
            if (span != null) {
                Tracing.injectCurrent(
                        (name, value) -> reply.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            }
            Handling.track(sender.send(reply), "kafka topic", request.replyTopic());
            RequestSpans.end(span, result);
        } catch (RuntimeException e) {
            if (span != null) {
                Tracing.endFailed(span, e);
            }
            throw e;
        }
    }

    private TaskResult run(RequestEnvelope request) {
        TaskRequest task = new TaskRequest(
                null, request.taskType(), request.query(), request.parameters(), request.correlationId());
        long started = System.nanoTime();
        try {
            return processor.apply(task);
        } catch (InvalidTaskInputException | UnknownTaskTypeException e) {
            return new TaskResult(
                    task.taskId(),
                    task.taskType(),
                    TaskResult.FAILED,
                    null,
                    e.getMessage(),
                    e.getClass().getName(),
                    (System.nanoTime() - started) / 1_000_000,
                    Instant.now(),
                    task.correlationId());
        }
    }
}
