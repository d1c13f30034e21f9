package io.realtimeagents.benchmarks.kafka;

import io.realtimeagents.agent.RealtimeAgent;

/** Contender B's agent: one handler that gets each record decoded into a {@link Reading} and counts it. */
final class CountingAgent extends RealtimeAgent {
    /** The message type the benchmark topic is mapped to. */
    static final String MESSAGE_TYPE = "reading";

    private final ReadingCounter counter;

    CountingAgent(ReadingCounter counter) {
        this.counter = counter;
    }

    @Override
    protected void initialize() {
        onMessage(MESSAGE_TYPE, Reading.class, (reading, context) -> counter.add(reading));
    }
}
