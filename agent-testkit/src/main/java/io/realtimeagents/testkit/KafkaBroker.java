package io.realtimeagents.testkit;

/**
 * A running Kafka broker that tests can connect to.
 *
 * <p>Obtain one from {@link KafkaBrokers#shared()} (one per JVM, stopped at JVM exit) or {@link
 * KafkaBrokers#startEmbedded()} (a fresh in-JVM broker that the caller closes). Topic operations wait until the broker
 * can serve the topic, so a test may produce and consume right after they return.
 */
public interface KafkaBroker extends AutoCloseable {

    /** The {@code bootstrap.servers} value for clients of this broker, such as {@code 127.0.0.1:41234}. */
    String bootstrapServers();

    /**
     * Creates a topic with the broker's default replication factor, unless a topic of that name already exists, and
     * waits until every partition has a leader.
     *
     * @param name a legal topic name
     * @param partitions the number of partitions, at least 1; ignored when the topic already exists
     * @throws IllegalStateException if the broker refuses the topic or its leaders do not appear in time
     */
    void createTopic(String name, int partitions);

    /**
     * Deletes a topic, if it exists, and waits until the broker no longer lists it.
     *
     * @param name a legal topic name
     * @throws IllegalStateException if the broker refuses or does not finish the deletion in time
     */
    void deleteTopic(String name);

    /** What runs this broker, for logs and reports: for example {@code "in-JVM KRaft"} or {@code "Testcontainers"}. */
    String kind();

    /**
     * Stops the broker if this handle owns it and releases client resources. The shared broker ignores this call; it
     * stops when the JVM exits. Calling it twice is harmless.
     */
    @Override
    void close();
}
