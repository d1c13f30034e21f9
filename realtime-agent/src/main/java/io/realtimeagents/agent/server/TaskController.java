package io.realtimeagents.agent.server;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Post;
import io.realtimeagents.agent.internal.AgentRuntime;
import io.realtimeagents.agent.internal.HttpReply;
import java.util.Optional;

/** Task endpoints: {@code POST /tasks} with a task type in the body, and the configured path-to-task-type routes. */
@Controller
final class TaskController {
    private final AgentRuntime runtime;

    TaskController(AgentRuntime runtime) {
        this.runtime = runtime;
    }

    @Post("/tasks")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
    HttpResponse<String> named(HttpRequest<?> request, @Nullable @Body String body) {
        Optional<HttpReply> denied =
                runtime.httpAccess().namedTask(body, Replies.authorization(request), Replies.accessToken(request));
        if (denied.isPresent()) {
            return Replies.json(denied.get());
        }
        return Replies.json(runtime.runTask(body));
    }

    /** The catch-all POST route makes every unknown path a 405; only task paths deserve that answer. */
    @Error(status = HttpStatus.METHOD_NOT_ALLOWED, global = true)
    HttpResponse<String> methodNotAllowed(HttpRequest<?> request) {
        return Replies.json(runtime.methodNotAllowed(request.getMethodName(), request.getPath()));
    }

    @Post("/{+path}")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
    HttpResponse<String> endpoint(HttpRequest<?> request, @Nullable @Body String body) {
        Optional<HttpReply> denied = runtime.httpAccess()
                .taskAt(request.getPath(), Replies.authorization(request), Replies.accessToken(request));
        if (denied.isPresent()) {
            return Replies.json(denied.get());
        }
        return Replies.json(runtime.runTaskAt(request.getPath(), body));
    }
}
