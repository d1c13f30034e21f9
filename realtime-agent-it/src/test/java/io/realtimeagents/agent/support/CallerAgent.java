package io.realtimeagents.agent.support;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.realtimeagents.agent.RealtimeAgent;

/** An agent that declares nothing and only requests tasks of others; exposes its meters. */
public class CallerAgent extends RealtimeAgent {
    /** The value of this agent's counter, 0 when it does not exist yet. */
    public double counter(String name) {
        return count(meterRegistry(), name);
    }

    /** The value of a counter of the registry, 0 when it does not exist yet. */
    public static double count(MeterRegistry registry, String name) {
        Counter counter = registry.find(name).counter();
        return counter == null ? 0 : counter.count();
    }
}
