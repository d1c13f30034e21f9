package io.realtimeagents.agent.internal.delivery;

import io.realtimeagents.common.handler.MessageContext;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;

/**
 * What travels from an inbound message to every output of its handling, besides its key: the correlation id. Outputs
 * write it with {@link #forEachHeader} (Kafka headers, MQTT user properties), so context that travels the same way
 * (a W3C trace context) is added here, beside the id, without touching the outputs.
 *
 * @param correlationId the handling's correlation id, never null
 */
public record Propagation(String correlationId) {
    /** The header (Kafka), user property (MQTT) and JSON field that carries the correlation id. */
    public static final String CORRELATION_ID = MessageContext.CORRELATION_ID;

    /**
     * The propagation of a message: the first of the ids it carries that is present and not blank, else a new random
     * id.
     */
    public static Propagation of(String carried, String alternative) {
        if (carried != null && !carried.isBlank()) {
            return new Propagation(carried);
        }
        return new Propagation(alternative != null && !alternative.isBlank() ? alternative : newId());
    }

    /**
     * A new random (version 4) UUID. Correlation ids need no secure randomness, and a thread-local generator keeps
     * partition workers from contending for {@link UUID#randomUUID()}'s shared one.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48); // IETF variant
        return new UUID(high, low).toString();
    }

    /** Gives each header that outputs carry, name and value, to the consumer. */
    public void forEachHeader(BiConsumer<String, String> consumer) {
        consumer.accept(CORRELATION_ID, correlationId);
    }

    /** The propagation of the handling that runs on this thread, or null when none runs. */
    public static Propagation current() {
        return Handling.currentPropagation();
    }
}
