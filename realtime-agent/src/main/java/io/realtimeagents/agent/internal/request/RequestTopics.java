package io.realtimeagents.agent.internal.request;

import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;

/**
 * Where a service takes requests: the topic a request to it is produced to. The default lookup follows the
 * convention {@code <service>.requests} (a service's own {@code AGENT_REQUEST_TOPIC} for itself); the registry, which
 * announces each instance's request topic, can back this lookup instead.
 */
@FunctionalInterface
public interface RequestTopics {
    /** The request topic of a service. */
    String of(String service);

    /** The request topic this agent's service consumes: {@code AGENT_REQUEST_TOPIC}, else {@code <service>.requests}. */
    static String own(AgentConfig config) {
        String configured = config.get(AgentSettings.AGENT_REQUEST_TOPIC);
        return configured != null ? configured : conventional(config.serviceName());
    }

    /** The conventional request topic of a service: {@code <service>.requests}. */
    static String conventional(String service) {
        return service + ".requests";
    }

    /** The lookup by convention: this agent's own topic for its own service, {@code <service>.requests} for others. */
    static RequestTopics byConvention(AgentConfig config) {
        String self = config.serviceName();
        String own = own(config);
        return service -> service.equals(self) ? own : conventional(service);
    }
}
