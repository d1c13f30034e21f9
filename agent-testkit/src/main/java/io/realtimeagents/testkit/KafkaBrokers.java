package io.realtimeagents.testkit;

import io.realtimeagents.testkit.internal.BrokerChoice;
import io.realtimeagents.testkit.internal.EmbeddedKraftBroker;
import io.realtimeagents.testkit.internal.SharedKafkaBroker;

/**
 * Where tests get their Kafka broker.
 *
 * <p>The shared broker is chosen by the system property or environment variable {@value #SETTING}:
 *
 * <ul>
 *   <li>{@code external:<bootstrap servers>}: an existing broker, neither started nor stopped here;
 *   <li>{@code embedded}: an in-JVM KRaft broker on {@code 127.0.0.1};
 *   <li>{@code testcontainers}: a container of the {@code apache/kafka} image (needs Docker);
 *   <li>unset, empty or {@code auto}: a container when a Docker engine answers, an in-JVM broker otherwise.
 * </ul>
 */
public final class KafkaBrokers {
    /** Name of the system property and environment variable that chooses the shared broker. */
    public static final String SETTING = BrokerChoice.SETTING;

    private static final Object LOCK = new Object();
    private static KafkaBroker shared; // guarded by LOCK
    private static RuntimeException startFailure; // guarded by LOCK

    private KafkaBrokers() {}

    /**
     * The broker shared by every test in this JVM, started by the first call and stopped when the JVM exits. Closing
     * the returned handle does nothing. Thread-safe; every call returns the same instance.
     *
     * @throws IllegalArgumentException if {@value #SETTING} has an invalid value
     * @throws IllegalStateException if the broker cannot be started, now or at an earlier attempt
     */
    public static KafkaBroker shared() {
        synchronized (LOCK) {
            if (shared == null) {
                shared = new SharedKafkaBroker(startShared());
            }
            return shared;
        }
    }

    /**
     * Starts a new in-JVM KRaft broker on {@code 127.0.0.1}, independent of the shared one; the caller must close it.
     * It takes a few seconds.
     *
     * @throws IllegalStateException if the broker cannot be started
     */
    public static KafkaBroker startEmbedded() {
        EmbeddedKraftBroker.keepTestJvmAlive();
        return EmbeddedKraftBroker.start();
    }

    private static KafkaBroker startShared() {
        if (startFailure != null) {
            throw new IllegalStateException(
                    "The shared Kafka broker failed to start earlier: " + startFailure.getMessage(), startFailure);
        }
        try {
            EmbeddedKraftBroker.keepTestJvmAlive(); // in case the choice is an in-JVM broker
            KafkaBroker broker = BrokerChoice.fromEnvironment().start();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "realtime-agents-kafka-shutdown"));
            return broker;
        } catch (RuntimeException e) {
            startFailure = e;
            throw e;
        }
    }
}
