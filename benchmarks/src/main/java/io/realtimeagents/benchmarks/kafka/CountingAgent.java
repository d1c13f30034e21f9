package io.realtimeagents.benchmarks.kafka;

import io.realtimeagents.agent.RealtimeAgent;

/** The agents' contender: one handler that gets each record decoded into a {@link Reading} and passes it on. */
final class CountingAgent extends RealtimeAgent {
    /** The message type the benchmark topic is mapped to. */
    static final String MESSAGE_TYPE = "reading";

    private final ReadingHandler handler;

    /** @param handler what to do with each reading, e.g. {@link ReadingCounter#add} */
    CountingAgent(ReadingHandler handler) {
        this.handler = handler;
    }

    @Override
    protected void initialize() {
        onMessage(MESSAGE_TYPE, Reading.class, (reading, context) -> handler.handle(reading));
    }
}
