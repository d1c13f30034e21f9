package io.realtimeagents.common;

import java.util.List;

/**
 * Invalid or missing configuration, detected at start-up before any broker is contacted. The message lists every
 * problem found, each naming the setting (environment variable and property) and where its value came from.
 */
public final class ConfigurationException extends RealtimeAgentException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /** Creates an exception for one or more problems; each problem is one self-contained sentence. */
    public ConfigurationException(List<String> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    /** Creates an exception for a single problem. */
    public ConfigurationException(String problem) {
        this(List.of(problem));
    }

    /** The individual problems, in the order they were found. */
    public List<String> problems() {
        return problems;
    }

    private static String format(List<String> problems) {
        if (problems.size() == 1) {
            return "Invalid configuration: " + problems.get(0);
        }
        StringBuilder text = new StringBuilder("Invalid configuration (" + problems.size() + " problems):");
        problems.forEach(problem -> text.append("\n  - ").append(problem));
        return text.toString();
    }
}
