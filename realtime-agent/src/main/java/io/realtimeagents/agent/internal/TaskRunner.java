package io.realtimeagents.agent.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.realtimeagents.agent.internal.delivery.Handling;
import io.realtimeagents.agent.internal.delivery.HandlingMdc;
import io.realtimeagents.agent.internal.delivery.Propagation;
import io.realtimeagents.agent.internal.delivery.Tracing;
import io.realtimeagents.common.InvalidTaskInputException;
import io.realtimeagents.common.PayloadDecodingException;
import io.realtimeagents.common.UnknownTaskTypeException;
import io.realtimeagents.common.json.Json;
import io.realtimeagents.common.task.TaskEndpoint;
import io.realtimeagents.common.task.TaskRequest;
import io.realtimeagents.common.task.TaskResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs task requests arriving over HTTP: finds the task type, then, on the task executor (never on the network thread),
 * decodes the request, runs it and answers with the result; a full executor is answered 503 at once. Traced, each
 * request is a {@code SERVER} span named {@code POST <route>}, child of the request's {@code traceparent}.
 */
final class TaskRunner {
    private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);

    private final Map<String, String> typesByPath;
    private final Function<TaskRequest, TaskResult> processor;
    private final Executor executor;

    TaskRunner(List<TaskEndpoint> endpoints, Function<TaskRequest, TaskResult> processor, Executor executor) {
        this.typesByPath =
                endpoints.stream().collect(Collectors.toUnmodifiableMap(TaskEndpoint::path, TaskEndpoint::taskType));
        this.processor = processor;
        this.executor = executor;
    }

    /**
     * {@code POST <path>}: runs the endpoint's task type.
     *
     * @param trace the trace context of the request's headers when tracing is active (the root when they carry
     *     none), else null
     */
    CompletionStage<HttpReply> runAt(String path, String body, String correlationId, Context trace) {
        String taskType = typesByPath.get(path);
        if (taskType == null) {
            return CompletableFuture.completedFuture(HttpReply.error(
                    404,
                    "not_found",
                    "No task endpoint at POST " + path + "; task endpoints: "
                            + typesByPath.keySet().stream().sorted().toList()));
        }
        return submit(() -> run(body, taskType, correlationId, new Route(path, trace)));
    }

    /** A request with a method no route of its path takes: 405 on task paths, 404 anywhere else. */
    HttpReply methodNotAllowed(String method, String path) {
        if (path.equals("/tasks") || typesByPath.containsKey(path)) {
            return HttpReply.error(405, "method_not_allowed", method + " " + path + " is not supported: use POST");
        }
        return HttpReply.error(404, "not_found", "No endpoint at " + method + " " + path);
    }

    /** {@code POST /tasks}: runs the task type named in the body. */
    CompletionStage<HttpReply> runNamed(String body, String correlationId, Context trace) {
        return submit(() -> run(body, null, correlationId, new Route("/tasks", trace)));
    }

    private CompletionStage<HttpReply> submit(Supplier<HttpReply> task) {
        try {
            return CompletableFuture.supplyAsync(task, executor);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(
                    HttpReply.error(503, "busy", e.getMessage()).withHeader("Retry-After", "1"));
        }
    }

    private HttpReply run(String body, String endpointType, String headerId, Route route) {
        TaskRequest request;
        try {
            request = decode(body);
        } catch (PayloadDecodingException e) {
            return HttpReply.error(
                    400, "invalid_json", "The request body is not a valid task request: " + e.getMessage());
        }
        if (endpointType != null) {
            request = request.withTaskType(endpointType);
        } else if (request.taskType() == null || request.taskType().isBlank()) {
            return HttpReply.error(400, "missing_task_type", "The request body needs a \"task_type\" field");
        }
        Propagation propagation = Propagation.of(headerId, request.correlationId());
        request = request.withCorrelationId(propagation.correlationId());
        if (route.trace() == null) {
            return execute(request, propagation);
        }
        Tracing tracing = Tracing.current();
        Span span = tracing.tracer()
                .spanBuilder("POST " + route.path())
                .setParent(route.trace())
                .setSpanKind(SpanKind.SERVER)
                .setAttribute("http.request.method", "POST")
                .setAttribute("http.route", route.path())
                .setAttribute("realtime.task_type", request.taskType())
                .setAttribute(Tracing.CONVERSATION_ID, propagation.correlationId())
                .startSpan();
        Propagation traced = propagation.withTrace(tracing, route.trace().with(span));
        try (Scope current = traced.trace().makeCurrent()) {
            HttpReply reply = execute(request, traced);
            span.setAttribute("http.response.status_code", reply.status());
            if (reply.status() >= 500) {
                span.setStatus(StatusCode.ERROR);
            }
            return reply;
        } finally {
            span.end();
        }
    }

    /** Runs a decoded task request, its outputs carrying the propagation. */
    private HttpReply execute(TaskRequest request, Propagation propagation) {
        HandlingMdc.open(propagation.correlationId(), request.taskType(), null);
        try (Handling scope = Handling.open(null, propagation)) {
            TaskResult result = processor.apply(request); // a failure is logged where its cause is caught
            return new HttpReply(result.isCompleted() ? 200 : 500, result);
        } catch (UnknownTaskTypeException e) {
            return HttpReply.error(400, "unknown_task_type", e.getMessage());
        } catch (InvalidTaskInputException e) {
            return HttpReply.error(400, "invalid_task_input", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Task {} of type {} could not be run", request.taskId(), request.taskType(), e);
            return HttpReply.error(500, "internal_error", "task " + request.taskType() + " could not be run: " + e);
        } finally {
            HandlingMdc.close();
        }
    }

    /** Where a task request came in: its route, and its trace context (null when tracing is inactive). */
    private record Route(String path, Context trace) {}

    static TaskRequest decode(String body) {
        if (body == null || body.isBlank()) {
            return TaskRequest.of(null, Map.of());
        }
        JsonNode tree = Json.tree(body.getBytes(StandardCharsets.UTF_8));
        if (!tree.isObject()) {
            throw new PayloadDecodingException("expected a JSON object, got " + tree.getNodeType());
        }
        return Json.convert(tree, TaskRequest.class);
    }
}
