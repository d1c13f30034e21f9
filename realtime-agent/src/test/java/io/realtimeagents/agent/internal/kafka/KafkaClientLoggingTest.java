package io.realtimeagents.agent.internal.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.Test;

class KafkaClientLoggingTest {
    private static final String NETWORK_CLIENT = "org.apache.kafka.clients.NetworkClient";
    private static final String ADMIN_METADATA = "org.apache.kafka.clients.admin.internals.AdminMetadataManager";

    private final LoggerContext context = new LoggerContext();

    @Test
    void withoutLevelsForKafka_theClientsLogWarnings_andTheirConnectionAttemptsOnlyErrors() {
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.DEBUG); // logback's default

        KafkaClientLogging.applyDefaults(context);

        assertThat(context.getLogger("org.apache.kafka.clients.consumer.KafkaConsumer")
                        .getEffectiveLevel())
                .isEqualTo(Level.WARN);
        assertThat(context.getLogger(NETWORK_CLIENT).getEffectiveLevel()).isEqualTo(Level.ERROR);
        assertThat(context.getLogger(ADMIN_METADATA).getEffectiveLevel()).isEqualTo(Level.ERROR);
    }

    @Test
    void kafkaRaisedByTheConfiguration_staysAsConfigured_connectionAttemptsIncluded() {
        context.getLogger("org.apache.kafka").setLevel(Level.DEBUG);

        KafkaClientLogging.applyDefaults(context);

        assertThat(context.getLogger("org.apache.kafka").getLevel()).isEqualTo(Level.DEBUG);
        assertThat(context.getLogger(NETWORK_CLIENT).getEffectiveLevel()).isEqualTo(Level.DEBUG);
        assertThat(context.getLogger(ADMIN_METADATA).getEffectiveLevel()).isEqualTo(Level.DEBUG);
    }

    @Test
    void aLevelConfiguredForTheClientsOrForOneLogger_isKept() {
        context.getLogger("org.apache.kafka").setLevel(Level.WARN);
        context.getLogger("org.apache.kafka.clients").setLevel(Level.INFO);
        context.getLogger(ADMIN_METADATA).setLevel(Level.WARN);

        KafkaClientLogging.applyDefaults(context);

        assertThat(context.getLogger(NETWORK_CLIENT).getEffectiveLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger(ADMIN_METADATA).getEffectiveLevel()).isEqualTo(Level.WARN);
    }

    @Test
    void kafkaAtWarnInTheConfiguration_stillQuietsTheConnectionAttempts() {
        context.getLogger("org.apache.kafka").setLevel(Level.WARN);

        KafkaClientLogging.applyDefaults(context);

        assertThat(context.getLogger("org.apache.kafka").getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger(NETWORK_CLIENT).getEffectiveLevel()).isEqualTo(Level.ERROR);
    }
}
