package io.realtimeagents.agent.internal.delivery;

/**
 * Whether the {@code fail-stop} strategy stopped the agent's consuming, shared by the transports: once stopped, a
 * consumer stops for good (no restart) and the probes report the failure.
 */
public final class FailStop {
    private volatile FailStopException failure;

    /** Records the first failure that stopped consuming; later ones are ignored. */
    synchronized void stop(FailStopException error) {
        if (failure == null) {
            failure = error;
        }
    }

    /** The failure that stopped consuming, or null while consuming goes on. */
    public FailStopException failure() {
        return failure;
    }
}
