package io.realtimeagents.agent.internal.request;

import io.realtimeagents.agent.internal.kafka.KafkaProperties;
import io.realtimeagents.common.RealtimeAgentException;
import io.realtimeagents.common.config.AgentConfig;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the topics of requests and replies when they are missing. */
final class TopicCreation {
    private static final Logger LOG = LoggerFactory.getLogger(TopicCreation.class);

    /** Partitions of the reply topic when this agent creates it. */
    static final int REPLY_PARTITIONS = 8;
    /** Partitions of a request topic when this agent creates it. */
    static final int REQUEST_PARTITIONS = 4;

    private TopicCreation() {}

    /**
     * Creates the topic with the partitions (and the brokers' default replication) unless it exists.
     *
     * @throws RealtimeAgentException when it neither exists nor can be created
     */
    static void ensure(AgentConfig config, String topic, int partitions) {
        try (Admin admin = Admin.create(KafkaProperties.admin(config))) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty())))
                    .all()
                    .get(10, TimeUnit.SECONDS);
            LOG.info("Created topic {} with {} partitions", topic, partitions);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new RealtimeAgentException(
                        "Cannot create topic " + topic + ": " + e.getCause()
                                + "; create it, or let this agent create topics",
                        e.getCause());
            }
        } catch (TimeoutException e) {
            throw new RealtimeAgentException(
                    "Cannot create topic " + topic + ": the brokers did not answer in 10 s"
                            + " (KAFKA_BOOTSTRAP_SERVERS)",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RealtimeAgentException("Interrupted while creating topic " + topic, e);
        }
    }
}
