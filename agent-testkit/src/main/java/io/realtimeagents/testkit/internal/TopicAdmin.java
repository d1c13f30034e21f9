package io.realtimeagents.testkit.internal;

import io.realtimeagents.testkit.Await;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Creates and deletes topics on one broker and waits until the change is visible, for every kind of broker. */
public final class TopicAdmin implements AutoCloseable {
    /** Upper bound for every topic operation, including the wait for leaders. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final Admin admin;

    private TopicAdmin(Admin admin) {
        this.admin = admin;
    }

    /** Connects an admin client to {@code bootstrapServers}; the connection is made lazily by the first operation. */
    public static TopicAdmin connect(String bootstrapServers) {
        return new TopicAdmin(Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG,
                "realtime-agents-testkit-topics",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                (int) DEFAULT_TIMEOUT.toMillis())));
    }

    /** See {@link io.realtimeagents.testkit.KafkaBroker#createTopic(String, int)}. */
    public void createTopic(String name, int partitions) {
        Checks.topicName(name, "topic name");
        Checks.positive(partitions, "partitions");
        NewTopic topic = new NewTopic(name, Optional.of(partitions), Optional.empty());
        try {
            KafkaFutures.get(admin.createTopics(List.of(topic)).all(), DEFAULT_TIMEOUT, "create topic '" + name + "'");
        } catch (IllegalStateException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        Await.await(
                DEFAULT_TIMEOUT, "every partition of topic '" + name + "' to have a leader", () -> hasLeaders(name));
    }

    /** See {@link io.realtimeagents.testkit.KafkaBroker#deleteTopic(String)}. */
    public void deleteTopic(String name) {
        Checks.topicName(name, "topic name");
        try {
            KafkaFutures.get(admin.deleteTopics(List.of(name)).all(), DEFAULT_TIMEOUT, "delete topic '" + name + "'");
        } catch (IllegalStateException e) {
            if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                throw e;
            }
        }
        Await.await(DEFAULT_TIMEOUT, "topic '" + name + "' to disappear", () -> !listed(name));
    }

    private boolean hasLeaders(String name) {
        try {
            TopicDescription description = KafkaFutures.get(
                            admin.describeTopics(List.of(name)).allTopicNames(),
                            DEFAULT_TIMEOUT,
                            "describe topic '" + name + "'")
                    .get(name);
            return description.partitions().stream()
                    .allMatch(partition ->
                            partition.leader() != null && !partition.leader().isEmpty());
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof RetriableException) {
                return false;
            }
            throw e;
        }
    }

    private boolean listed(String name) {
        return KafkaFutures.get(admin.listTopics().names(), DEFAULT_TIMEOUT, "list topics")
                .contains(name);
    }

    /** Closes the admin client; the broker keeps running. */
    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
