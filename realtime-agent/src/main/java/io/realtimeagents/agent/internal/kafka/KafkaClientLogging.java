package io.realtimeagents.agent.internal.kafka;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.util.List;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Quiet default levels for the Kafka clients' loggers when the application logs with logback: {@code org.apache.kafka}
 * at WARN unless the logging configuration gives it a level, and the clients' per-connection-attempt warnings at ERROR
 * unless configured otherwise, since {@link BrokerHealth} reports lost and regained brokers itself, once. A level the
 * configuration sets on these loggers, or on any of their parents, is kept. With another logging binding nothing
 * changes.
 */
final class KafkaClientLogging {
    static final String KAFKA = "org.apache.kafka";
    /** Loggers that warn at every failed connection attempt or metadata update, many times a second per client. */
    static final List<String> CONNECTION_CHATTER = List.of(
            "org.apache.kafka.clients.NetworkClient", "org.apache.kafka.clients.admin.internals.AdminMetadataManager");

    private static final boolean LOGBACK = present("ch.qos.logback.classic.LoggerContext");

    private KafkaClientLogging() {}

    /** Applies the defaults to the application's logback context, if it logs with logback. */
    static void applyDefaults() {
        if (LOGBACK) {
            Logback.applyDefaults(LoggerFactory.getILoggerFactory());
        }
    }

    /** Kept apart so that nothing of logback is loaded when it is absent. */
    private static final class Logback {
        static void applyDefaults(ILoggerFactory factory) {
            if (factory instanceof LoggerContext context) {
                KafkaClientLogging.applyDefaults(context);
            }
        }
    }

    /** Applies the defaults to a logback context. */
    static void applyDefaults(LoggerContext context) {
        Logger kafka = context.getLogger(KAFKA);
        if (kafka.getLevel() == null) {
            kafka.setLevel(Level.WARN);
        }
        for (String name : CONNECTION_CHATTER) {
            Logger logger = context.getLogger(name);
            if (logger.getLevel() == null && logger.getEffectiveLevel().isGreaterOrEqual(Level.WARN)) {
                logger.setLevel(Level.ERROR);
            }
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, KafkaClientLogging.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
