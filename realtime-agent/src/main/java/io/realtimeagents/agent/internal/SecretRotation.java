package io.realtimeagents.agent.internal;

import io.realtimeagents.agent.internal.transport.InboundTransport;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.common.config.Setting;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The agent's current configuration, and its replacement when platform secrets rotate: each inbound transport
 * reconnects when settings it applies without a restart changed (Kafka connection settings, MQTT credentials); other
 * changed settings are reported as needing a restart.
 */
final class SecretRotation {
    private final List<InboundTransport> transports;
    private final Set<Setting<?>> alwaysApplied;
    private volatile AgentConfig config;

    /**
     * @param transports the agent's transports (a live view: transports added at start take part)
     * @param alwaysApplied settings that need no restart even when their transport is off
     */
    SecretRotation(AgentConfig config, List<InboundTransport> transports, Set<Setting<?>> alwaysApplied) {
        this.config = config;
        this.transports = transports;
        this.alwaysApplied = Set.copyOf(alwaysApplied);
    }

    /** The configuration in effect: the first, or the last rotated one. */
    AgentConfig current() {
        return config;
    }

    /**
     * Makes {@code next} the configuration in effect and has every transport apply it, in list order.
     *
     * @return the names of the changed settings that need a restart, empty when everything was applied
     */
    synchronized List<String> rotate(AgentConfig next) {
        AgentConfig previous = config;
        Set<Setting<?>> applied = new HashSet<>(alwaysApplied);
        transports.forEach(transport -> applied.addAll(transport.reconnectSettings()));
        List<String> needRestart = new ArrayList<>();
        for (Setting<?> setting : AgentSettings.all()) {
            if (!Objects.equals(previous.get(setting), next.get(setting)) && !applied.contains(setting)) {
                needRestart.add(setting.env());
            }
        }
        config = next;
        for (InboundTransport transport : transports) {
            transport.applySettings(previous, next);
        }
        return needRestart;
    }
}
