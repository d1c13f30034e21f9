package io.realtimeagents.agent.internal.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.realtimeagents.agent.hooks.AgentHook;
import io.realtimeagents.agent.hooks.HandlingInfo;
import io.realtimeagents.agent.hooks.HandlingOutcome;
import io.realtimeagents.common.config.AgentConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the agent's {@link AgentHook}s in the order they were added, each isolated from the others and from the
 * handling: a hook that throws is logged once per hook and phase (later failures at debug level) and counted as
 * {@code realtime_hook_failures_total{hook,phase}}. Hooks are added before the agent starts; then the list is fixed.
 * Callers check {@link #active()} first, so an agent without hooks builds no {@link HandlingInfo} at all.
 */
public final class HookRunner {
    private static final Logger LOG = LoggerFactory.getLogger(HookRunner.class);
    private static final AgentHook[] NONE = {};

    private final MeterRegistry registry;
    private final List<AgentHook> added = new ArrayList<>(); // guarded by this, until started
    private final Map<String, Counter> failures = new ConcurrentHashMap<>();
    private volatile AgentHook[] hooks = NONE;
    private volatile boolean started;

    /** A runner whose hook failures are counted in the registry. */
    public HookRunner(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Adds a hook, run after those added before it.
     *
     * @throws IllegalStateException when the agent already started
     */
    public synchronized void add(AgentHook hook) {
        if (started) {
            throw new IllegalStateException("Hooks are added in initialize(), before the agent starts: "
                    + hook.getClass().getName() + " came too late");
        }
        added.add(hook);
        hooks = added.toArray(AgentHook[]::new);
    }

    /** Whether any hook was added: when not, handlings skip every hook call. */
    public boolean active() {
        return hooks.length > 0;
    }

    /** Fixes the list and calls {@link AgentHook#onStart}. */
    public void started(AgentConfig config) {
        synchronized (this) {
            started = true;
        }
        run("start", hook -> hook.onStart(config));
    }

    /** Calls {@link AgentHook#onStop}. */
    public void stopped(AgentConfig config) {
        run("stop", hook -> hook.onStop(config));
    }

    /** Calls {@link AgentHook#beforeHandling}. */
    public void before(HandlingInfo info) {
        run("before_handling", hook -> hook.beforeHandling(info));
    }

    /** Calls {@link AgentHook#afterHandling}. */
    public void after(HandlingInfo info, HandlingOutcome outcome) {
        run("after_handling", hook -> hook.afterHandling(info, outcome));
    }

    /** Calls {@link AgentHook#onError}. */
    public void error(HandlingInfo info, Throwable error) {
        run("error", hook -> hook.onError(info, error));
    }

    private void run(String phase, Consumer<AgentHook> call) {
        for (AgentHook hook : hooks) {
            try {
                call.accept(hook);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                failed(hook, phase, e);
            }
        }
    }

    private void failed(AgentHook hook, String phase, Throwable error) {
        String name = hook.getClass().getName();
        boolean[] first = {false};
        failures.computeIfAbsent(name + " " + phase, key -> {
                    first[0] = true;
                    return Counter.builder("realtime.hook.failures")
                            .description("Exceptions thrown by agent hooks, by hook class and phase")
                            .tag("hook", name)
                            .tag("phase", phase)
                            .register(registry);
                })
                .increment();
        if (first[0]) {
            LOG.warn(
                    "The hook {} threw in phase {}; the agent goes on as if it had returned (further failures of this"
                            + " hook in this phase are logged at debug level and counted in"
                            + " realtime_hook_failures_total)",
                    name,
                    phase,
                    error);
        } else {
            LOG.debug("The hook {} threw in phase {}", name, phase, error);
        }
    }
}
