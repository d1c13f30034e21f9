package io.realtimeagents.agent.internal.request;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import org.junit.jupiter.api.Test;

class RequestTopicsTest {
    @Test
    void byConvention_peersUseServiceDotRequests_andThisServiceItsOwnSetting() {
        AgentConfig config = AgentConfig.builder()
                .serviceName("orders")
                .set(AgentSettings.AGENT_REQUEST_TOPIC, "orders.calls")
                .build();
        RequestTopics topics = RequestTopics.byConvention(config);

        assertThat(topics.of("pricing")).isEqualTo("pricing.requests");
        assertThat(topics.of("orders")).isEqualTo("orders.calls");
    }

    @Test
    void own_defaultsToServiceDotRequests() {
        AgentConfig config = AgentConfig.builder().serviceName("orders").build();

        assertThat(RequestTopics.own(config)).isEqualTo("orders.requests");
    }
}
