package io.realtimeagents.common.task;

import io.realtimeagents.common.internal.Checks;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An HTTP endpoint that runs one task type: {@code POST <path>} with a JSON {@link TaskRequest} body runs the task
 * type, e.g. {@code new TaskEndpoint("/analyze", "analyze")}.
 *
 * @param path the URL path, starting with {@code /}
 * @param taskType the task type it runs
 */
public record TaskEndpoint(String path, String taskType) {
    private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9._~-]+)+");
    private static final List<String> RESERVED =
            List.of("/health", "/realtime", "/metrics", "/ws", "/stream", "/tasks");

    /** Validates the path (letters, digits, {@code . _ ~ -} segments; not one of the framework's own paths). */
    public TaskEndpoint {
        Checks.notNull(path, "path");
        Checks.notNull(taskType, "taskType");
        if (!PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("Invalid task endpoint path '" + path
                    + "': use segments of letters, digits, '.', '_', '~' or '-', starting with '/', e.g. '/analyze'");
        }
        for (String reserved : RESERVED) {
            if (path.equals(reserved) || path.startsWith(reserved + "/")) {
                throw new IllegalArgumentException("Task endpoint path '" + path + "' collides with the framework's "
                        + reserved + " endpoints: choose another path");
            }
        }
        if (taskType.isBlank()) {
            throw new IllegalArgumentException("Task endpoint " + path + " needs a task type");
        }
    }
}
