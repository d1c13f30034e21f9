package io.realtimeagents.testkit.internal;

import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/** A single-node KRaft broker in a Docker container of the {@code apache/kafka} image, run by Testcontainers. */
public final class ContainerKafkaBroker extends AdminBackedKafkaBroker {
    /** The image: the official Apache Kafka image of the release the test kit is built with. */
    public static final String DEFAULT_IMAGE = "apache/kafka:" + BrokerSettings.KAFKA_VERSION;

    private static final Logger LOG = LoggerFactory.getLogger(ContainerKafkaBroker.class);

    private final KafkaContainer container;

    private ContainerKafkaBroker(KafkaContainer container) {
        super(container.getBootstrapServers());
        this.container = container;
    }

    /**
     * Pulls the image if needed, starts the container and waits until the broker accepts clients.
     *
     * @throws IllegalStateException if the container does not start
     */
    @SuppressWarnings("resource") // closed by close()
    public static ContainerKafkaBroker start() {
        long startNanos = System.nanoTime();
        KafkaContainer container = new KafkaContainer(DockerImageName.parse(DEFAULT_IMAGE))
                .withEnv(BrokerSettings.asContainerEnvironment());
        try {
            container.start();
        } catch (RuntimeException e) {
            container.stop();
            throw new IllegalStateException(
                    "Could not start a Kafka container from " + DEFAULT_IMAGE + ": " + e.getMessage()
                            + " (set REALTIME_AGENTS_TEST_KAFKA=embedded to use an in-JVM broker)",
                    e);
        }
        ContainerKafkaBroker broker = new ContainerKafkaBroker(container);
        LOG.info(
                "Started Kafka container {} at {} in {} ms",
                DEFAULT_IMAGE,
                broker.bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
        return broker;
    }

    @Override
    public String kind() {
        return "Testcontainers";
    }

    @Override
    void stopBroker() {
        container.stop();
    }

    @Override
    public String toString() {
        return kind() + " broker (" + DEFAULT_IMAGE + ") at " + bootstrapServers();
    }
}
