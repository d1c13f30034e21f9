package io.realtimeagents.agent.internal.mesh;

import io.realtimeagents.agent.internal.kafka.KafkaProperties;
import io.realtimeagents.common.config.AgentConfig;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the registry topic when it is missing: one partition (one ordered log of cards, as a schema registry keeps
 * its own), compacted so it holds the latest card of each instance, and with the broker's log-append time as record
 * timestamps so every view measures leases on the broker's clock. An existing topic is used as it is.
 */
final class RegistryTopic {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryTopic.class);

    private RegistryTopic() {}

    /**
     * Creates the topic unless it exists.
     *
     * @throws IllegalStateException when it cannot be created (the reader retries, readiness says why meanwhile)
     */
    static void ensure(AgentConfig config, String topic) {
        try (Admin admin = Admin.create(KafkaProperties.admin(config))) {
            if (admin.listTopics().names().get().contains(topic)) {
                return;
            }
            NewTopic created = new NewTopic(topic, Optional.of(1), Optional.empty())
                    .configs(Map.of(
                            TopicConfig.CLEANUP_POLICY_CONFIG,
                            TopicConfig.CLEANUP_POLICY_COMPACT,
                            TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG,
                            "LogAppendTime"));
            admin.createTopics(java.util.List.of(created)).all().get();
            LOG.info("Created the agent registry topic {} (compacted)", topic);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(
                        "cannot create the topic " + topic + ": " + e.getCause().getMessage(), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the topic " + topic, e);
        }
    }
}
