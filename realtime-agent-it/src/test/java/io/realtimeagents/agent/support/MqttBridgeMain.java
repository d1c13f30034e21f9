package io.realtimeagents.agent.support;

import io.realtimeagents.agent.RealtimeAgent;
import io.realtimeagents.agent.RealtimeAgents;

/**
 * Runs an agent without handlers of its own, configured by {@code --property=value} arguments (typically
 * {@code --mqtt.bridges=...}), as the main class of its own JVM, so that a test can kill the process.
 */
public final class MqttBridgeMain {
    private MqttBridgeMain() {}

    /** Starts the agent and serves until the process is stopped. */
    public static void main(String[] args) {
        RealtimeAgents.app(BridgeOnlyAgent::new).args(args).runUntilStopped();
    }

    /** An agent whose only work is the configured bridges. */
    public static final class BridgeOnlyAgent extends RealtimeAgent {}
}
