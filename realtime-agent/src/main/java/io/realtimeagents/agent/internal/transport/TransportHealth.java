package io.realtimeagents.agent.internal.transport;

/**
 * A transport's liveness: up, or down with the reason.
 *
 * @param up whether the transport is alive
 * @param reason why it is down; null when up
 */
public record TransportHealth(boolean up, String reason) {
    /** Alive. */
    public static final TransportHealth UP = new TransportHealth(true, null);

    /** Checks that a transport that is down says why. */
    public TransportHealth {
        if (!up && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("A transport that is down must say why: reason was '" + reason + "'");
        }
    }

    /** Down, for the given reason. */
    public static TransportHealth down(String reason) {
        return new TransportHealth(false, reason);
    }
}
