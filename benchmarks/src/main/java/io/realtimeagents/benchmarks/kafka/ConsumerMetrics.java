package io.realtimeagents.benchmarks.kafka;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Set;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * A few of a Kafka consumer's own metrics, read from JMX before it closes, that tell waiting from working: the time
 * between two {@code poll} calls, and the latency and size of fetch requests. A consumer whose polls are far apart,
 * or whose fetches the broker holds for {@code fetch.max.wait.ms}, waits. Kafka averages them over its sample window
 * (about the last minute), which covers one run.
 */
final class ConsumerMetrics {
    private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();

    private ConsumerMetrics() {}

    /**
     * One line describing the consumer whose client id matches {@code clientId} ({@code *} may stand for any
     * characters); empty when no such consumer is registered.
     */
    static String describe(String clientId) {
        try {
            ObjectName consumer = find("consumer-metrics", clientId);
            ObjectName fetcher = find("consumer-fetch-manager-metrics", clientId);
            if (consumer == null || fetcher == null) {
                return "";
            }
            return String.format(
                    Locale.ROOT,
                    "poll gap avg %.1f ms, max %.0f ms | fetch latency avg %.1f ms, max %.0f ms | fetch size avg %.2f MB",
                    number(consumer, "time-between-poll-avg"),
                    number(consumer, "time-between-poll-max"),
                    number(fetcher, "fetch-latency-avg"),
                    number(fetcher, "fetch-latency-max"),
                    number(fetcher, "fetch-size-avg") / 1e6);
        } catch (JMException e) {
            return "consumer metrics unavailable: " + e;
        }
    }

    private static ObjectName find(String type, String clientId) throws JMException {
        Set<ObjectName> names =
                SERVER.queryNames(new ObjectName("kafka.consumer:type=" + type + ",client-id=" + clientId), null);
        return names.isEmpty() ? null : names.iterator().next();
    }

    private static double number(ObjectName name, String attribute) throws JMException {
        return SERVER.getAttribute(name, attribute) instanceof Number value ? value.doubleValue() : Double.NaN;
    }
}
