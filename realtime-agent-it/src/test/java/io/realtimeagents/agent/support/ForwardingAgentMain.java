package io.realtimeagents.agent.support;

import io.realtimeagents.agent.RealtimeAgents;
import java.time.Duration;

/**
 * Runs a {@link ForwardingAgent} as the main class of its own JVM, as a deployment would, so that a test can kill
 * the process. Arguments are the agent's configuration as {@code --property=value} plus {@code --forward-to=<topic>}
 * and {@code --work-ms=<milliseconds>}.
 */
public final class ForwardingAgentMain {
    private ForwardingAgentMain() {}

    /** Starts the agent and serves until the process is stopped. */
    public static void main(String[] args) {
        String output = argument(args, "forward-to");
        Duration work = Duration.ofMillis(Long.parseLong(argument(args, "work-ms")));
        RealtimeAgents.app(() -> new ForwardingAgent(output, work)).args(args).runUntilStopped();
    }

    private static String argument(String[] args, String name) {
        for (String arg : args) {
            if (arg.startsWith("--" + name + "=")) {
                return arg.substring(name.length() + 3);
            }
        }
        throw new IllegalArgumentException("Missing argument --" + name + "=...");
    }
}
