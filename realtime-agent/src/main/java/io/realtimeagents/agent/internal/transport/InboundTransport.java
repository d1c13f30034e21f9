package io.realtimeagents.agent.internal.transport;

import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.Setting;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A transport that brings messages into the agent and hands them to its handlers. The runtime keeps its transports in
 * a list: it starts them in list order, drains and stops them in reverse order (a later transport may produce through
 * an earlier one, as MQTT bridges produce to Kafka), passes rotated settings to each, and builds {@code /health},
 * {@code /health/live}, {@code /health/ready} and {@code /realtime/status} from what each reports. A new transport is
 * added to that list, nothing else.
 */
public interface InboundTransport extends AutoCloseable {
    /** The transport's name, and its key in {@code /health} and {@code /realtime/status}: {@code kafka}, {@code mqtt}. */
    String name();

    /**
     * Starts taking messages with the handlers registered so far.
     *
     * @throws io.realtimeagents.common.ConfigurationException when the transport is misconfigured
     */
    void start();

    /**
     * Stops taking messages, lets in-flight ones finish and be acknowledged or committed (waiting at most the
     * timeout), then disconnects its consumer side; its outputs (producers) stay usable until {@link #close()}. Later
     * calls do nothing.
     */
    void drainAndStop(Duration timeout);

    /**
     * The settings this transport applies without a restart when a rotated configuration changes them (by
     * reconnecting), e.g. the broker's address or credentials.
     */
    Set<Setting<?>> reconnectSettings();

    /**
     * Applies a configuration whose platform secrets changed: reconnects with the new settings when those it uses
     * changed, without losing messages; otherwise does nothing.
     */
    void applySettings(AgentConfig previous, AgentConfig next);

    /** Liveness: down only when the transport cannot recover by itself (a dead or stuck consumer loop). */
    TransportHealth health();

    /** Why the transport cannot take traffic now (broker unreachable, not subscribed, stuck); empty when ready. */
    List<String> readinessProblems();

    /** The transport's object in {@code /health}, or null when it adds none. */
    Map<String, Object> healthFragment();

    /** The transport's object in {@code /realtime/status}. */
    Map<String, Object> status();

    /** The streams it consumes, listed under {@code active_streams} of {@code /realtime/status}. */
    default List<String> activeStreams() {
        return List.of();
    }

    /** Drains and stops if not done yet, then releases everything it holds (clients, producers). */
    @Override
    void close();
}
