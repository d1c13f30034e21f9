package io.realtimeagents.benchmarks.kafka;

import io.realtimeagents.agent.RealtimeAgent;

/**
 * The agents' contender of the Kafka and MQTT benchmarks: one handler that gets each record or message decoded into a
 * {@link Reading} and passes it on.
 */
public final class CountingAgent extends RealtimeAgent {
    /** The message type the benchmark topic or subscription is mapped to. */
    public static final String MESSAGE_TYPE = "reading";

    private final ReadingHandler handler;

    /** @param handler what to do with each reading, e.g. {@link ReadingCounter#add} */
    public CountingAgent(ReadingHandler handler) {
        this.handler = handler;
    }

    @Override
    protected void initialize() {
        onMessage(MESSAGE_TYPE, Reading.class, (reading, context) -> handler.handle(reading));
    }
}
