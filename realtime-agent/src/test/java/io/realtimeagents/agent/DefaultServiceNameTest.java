package io.realtimeagents.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DefaultServiceNameTest {
    static final class HeartRateAgent extends RealtimeAgent {}

    static final class MQTTGateway2Agent extends RealtimeAgent {}

    @Test
    void theDefaultServiceName_isTheAgentClassNameInKebabCase() {
        assertThat(RealtimeAgents.defaultServiceName(HeartRateAgent.class)).isEqualTo("heart-rate-agent");
        assertThat(RealtimeAgents.defaultServiceName(MQTTGateway2Agent.class)).isEqualTo("mqttgateway2-agent");
    }

    @Test
    void anAnonymousAgentClass_isNamedRealtimeAgent() {
        RealtimeAgent anonymous = new RealtimeAgent() {};
        assertThat(RealtimeAgents.defaultServiceName(anonymous.getClass())).isEqualTo("realtime-agent");
    }
}
