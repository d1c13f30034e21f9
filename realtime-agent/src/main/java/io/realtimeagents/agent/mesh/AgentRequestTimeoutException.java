package io.realtimeagents.agent.mesh;

import io.realtimeagents.common.RealtimeAgentException;
import java.time.Duration;

/**
 * No reply to a request to another agent came within its timeout: no replica of the service took it in time (none
 * runs, all are busy, or the one that took it died and none took over yet), or its reply came too late.
 */
public final class AgentRequestTimeoutException extends RealtimeAgentException {
    private static final long serialVersionUID = 1L;

    private final String service;
    private final String taskType;
    private final Duration timeout;

    /** Creates the exception of a request that timed out. */
    public AgentRequestTimeoutException(String service, String taskType, Duration timeout) {
        super("No reply from service '" + service + "' to task '" + taskType + "' within " + timeout.toMillis()
                + " ms: check that the service runs and consumes its request topic, or raise the timeout");
        this.service = service;
        this.taskType = taskType;
        this.timeout = timeout;
    }

    /** The service the request went to. */
    public String service() {
        return service;
    }

    /** The task type requested. */
    public String taskType() {
        return taskType;
    }

    /** The timeout that passed. */
    public Duration timeout() {
        return timeout;
    }
}
