package io.realtimeagents.agent.mesh;

import io.realtimeagents.common.RealtimeAgentException;

/**
 * The agent that took a request answered that its task failed: its processor threw, rejected the input, or does not
 * know the task type. The message carries the remote error text.
 */
public final class AgentRequestFailedException extends RealtimeAgentException {
    private static final long serialVersionUID = 1L;

    private final String service;
    private final String taskType;
    private final String remoteError;
    private final String remoteErrorType;

    /**
     * Creates the exception of a failed remote task.
     *
     * @param remoteError the error text of the remote task
     * @param remoteErrorType the class name of the remote exception, or null when unknown
     */
    public AgentRequestFailedException(String service, String taskType, String remoteError, String remoteErrorType) {
        super("Task '" + taskType + "' of service '" + service + "' failed: " + remoteError
                + (remoteErrorType == null ? "" : " (" + remoteErrorType + ")"));
        this.service = service;
        this.taskType = taskType;
        this.remoteError = remoteError;
        this.remoteErrorType = remoteErrorType;
    }

    /** The service that ran the task. */
    public String service() {
        return service;
    }

    /** The task type requested. */
    public String taskType() {
        return taskType;
    }

    /** The remote task's error text. */
    public String remoteError() {
        return remoteError;
    }

    /** The class name of the remote task's exception, or null when unknown. */
    public String remoteErrorType() {
        return remoteErrorType;
    }
}
