package io.realtimeagents.common;

import java.util.Set;
import java.util.TreeSet;

/** A task was requested with a task type the agent does not support. */
public final class UnknownTaskTypeException extends RealtimeAgentException {
    private static final long serialVersionUID = 1L;

    private final String taskType;

    /** Creates the exception naming the requested type and the supported ones. */
    public UnknownTaskTypeException(String taskType, Set<String> supported) {
        super("Unknown task type '" + taskType + "': this agent supports "
                + (supported.isEmpty() ? "no task types" : new TreeSet<>(supported)));
        this.taskType = taskType;
    }

    /** The task type that was requested. */
    public String taskType() {
        return taskType;
    }
}
