package io.realtimeagents.benchmarks.mqtt;

import io.realtimeagents.agent.RealtimeAgent;
import io.realtimeagents.benchmarks.kafka.Reading;

/** Contender B's agent: one handler that gets each message decoded into a {@link Reading} and counts it. */
final class CountingAgent extends RealtimeAgent {
    /** The message type of the benchmark subscription. */
    static final String MESSAGE_TYPE = "reading";

    private final MessageCounter counter;

    CountingAgent(MessageCounter counter) {
        this.counter = counter;
    }

    @Override
    protected void initialize() {
        onMessage(MESSAGE_TYPE, Reading.class, (reading, context) -> counter.add(reading.heartRate()));
    }
}
