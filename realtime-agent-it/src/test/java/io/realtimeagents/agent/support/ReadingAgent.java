package io.realtimeagents.agent.support;

import io.realtimeagents.agent.RealtimeAgent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Handles message type {@code reading} ({@link Reading}), recording every attempt and the readings handled; fails
 * negative readings ("negative reading V of P") unless it accepts all, and the first attempts of every reading if
 * asked to: the agent of the failure, retry and dead-letter tests over Kafka and MQTT.
 */
public final class ReadingAgent extends RealtimeAgent {
    /** A reading of a patient. */
    public record Reading(String patientId, int value) {}

    /** One attempt to handle a patient's reading. */
    public record Attempt(String patientId, int attempt) {}

    /** Every attempt, in order. */
    public final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    /** The readings handled, in order. */
    public final List<Reading> handled = new CopyOnWriteArrayList<>();

    private final boolean failNegative;
    private final int failFirst;

    private ReadingAgent(boolean failNegative, int failFirst) {
        this.failNegative = failNegative;
        this.failFirst = failFirst;
    }

    /** Fails negative readings. */
    public static ReadingAgent failingNegative() {
        return new ReadingAgent(true, 0);
    }

    /** Fails negative readings, and the first {@code attempts} attempts of every reading. */
    public static ReadingAgent failingFirst(int attempts) {
        return new ReadingAgent(true, attempts);
    }

    /** Handles every reading. */
    public static ReadingAgent acceptingAll() {
        return new ReadingAgent(false, 0);
    }

    @Override
    protected void initialize() {
        onMessage("reading", Reading.class, (reading, context) -> {
            attempts.add(new Attempt(reading.patientId(), context.attempt()));
            if (failNegative && reading.value() < 0) {
                throw new IllegalStateException("negative reading " + reading.value() + " of " + reading.patientId());
            }
            if (context.attempt() <= failFirst) {
                throw new IllegalStateException("attempt " + context.attempt() + " fails on purpose");
            }
            handled.add(reading);
        });
    }
}
