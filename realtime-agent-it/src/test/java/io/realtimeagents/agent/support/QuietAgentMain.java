package io.realtimeagents.agent.support;

import io.realtimeagents.agent.RealtimeAgent;
import io.realtimeagents.agent.RealtimeAgents;

/** A child JVM's main: an agent with no handlers started by {@link RealtimeAgents#run}, as a user's main does. */
public final class QuietAgentMain {
    /** An agent with no handlers. */
    public static final class QuietAgent extends RealtimeAgent {}

    private QuietAgentMain() {}

    /** Runs the agent with the arguments ({@code --property=value}). */
    public static void main(String[] args) {
        RealtimeAgents.run(QuietAgent.class, args);
    }
}
