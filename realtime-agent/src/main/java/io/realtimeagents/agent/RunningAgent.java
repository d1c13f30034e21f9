package io.realtimeagents.agent;

import io.realtimeagents.agent.internal.AgentRuntime;
import io.realtimeagents.agent.internal.server.HttpServer;
import io.realtimeagents.common.config.AgentConfig;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A started agent: its HTTP address, and {@link #close()} for a graceful stop (readiness turns false, consuming
 * stops, in-flight records finish and are committed, the producer flushes, the server closes).
 */
public final class RunningAgent implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunningAgent.class);

    private final RealtimeAgent agent;
    private final AgentRuntime runtime;
    private final HttpServer server;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final List<AutoCloseable> companions = new CopyOnWriteArrayList<>();

    RunningAgent(RealtimeAgent agent, AgentRuntime runtime, HttpServer server) {
        this.agent = agent;
        this.runtime = runtime;
        this.server = server;
    }

    /** The agent instance. */
    public RealtimeAgent agent() {
        return agent;
    }

    /** The configuration it runs with. */
    public AgentConfig config() {
        return runtime.config();
    }

    /** The HTTP port. */
    public int port() {
        return server.port();
    }

    /** The HTTP base address, e.g. {@code http://localhost:8080}. */
    public URI url() {
        return URI.create("http://localhost:" + port());
    }

    /** Blocks until the agent has stopped. */
    public void awaitTermination() throws InterruptedException {
        terminated.await();
    }

    /** Stops the agent gracefully; later calls do nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LOG.info("Stopping {}", runtime.config().serviceName());
        try {
            closeCompanions();
            runtime.stopConsuming();
            AgentLifecycle.stop(agent, runtime);
        } finally {
            try {
                runtime.close();
            } finally {
                server.close();
                terminated.countDown();
                LOG.info("Stopped {}", runtime.config().serviceName());
            }
        }
    }

    /** Applies a configuration with rotated secrets; returns the changed settings that need a restart. */
    List<String> rotate(AgentConfig next) {
        return closed.get() ? List.of() : runtime.rotate(next);
    }

    /** Closes this too when the agent stops, first (e.g. the platform-secret watcher). */
    void closeAlso(AutoCloseable companion) {
        companions.add(companion);
    }

    private void closeCompanions() {
        for (AutoCloseable companion : companions) {
            try {
                companion.close();
            } catch (Exception e) {
                LOG.warn("Error while closing {}: {}", companion, e.toString());
            }
        }
    }
}
