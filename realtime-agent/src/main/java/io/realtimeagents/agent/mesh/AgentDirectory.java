package io.realtimeagents.agent.mesh;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The live agent instances this agent sees: a view built from the registry topic, read from its beginning by every
 * agent, so it needs no server. An instance is live from its first announcement until its tombstone (a graceful stop)
 * or until its lease passed without a heartbeat (a crash). Answers are snapshots: lists never change after they are
 * returned. Safe to call from any thread once the agent started.
 */
public interface AgentDirectory {
    /** Every live instance, this one included, sorted by service then instance id. */
    List<AgentInstance> instances();

    /**
     * The live instances of a service.
     *
     * @param service a service name
     * @return its instances sorted by instance id; empty when none is live
     */
    List<AgentInstance> discover(String service);

    /**
     * The live instances that announced a capability.
     *
     * @param capability a capability, e.g. {@code summarize-text}
     * @return the instances sorted by service then instance id; empty when none
     */
    List<AgentInstance> discoverByCapability(String capability);

    /**
     * Waits, without blocking the calling thread, until every given service has at least one live instance. It checks
     * the view at once, then with a backoff doubling from 50 ms up to 1 s, until the timeout. Block on it with
     * {@code awaitDependencies(...).toCompletableFuture().join()}.
     *
     * @param timeout how long to wait
     * @param services the service names
     * @return completes when all are live; fails with a {@link MissingDependenciesException} naming the services
     *     still missing at the timeout
     */
    CompletionStage<Void> awaitDependencies(Duration timeout, String... services);
}
