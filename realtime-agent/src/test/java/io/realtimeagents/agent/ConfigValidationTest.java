package io.realtimeagents.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.realtimeagents.common.ConfigurationException;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.ConfigLoader;
import io.realtimeagents.common.task.TaskProcessor;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Invalid configuration stops start-up with a message naming the setting, before any broker is contacted. */
class ConfigValidationTest {
    static final class PlainAgent extends RealtimeAgent {}

    static final class AnalyzingAgent extends RealtimeAgent {
        @Override
        protected Set<String> supportedTaskTypes() {
            return Set.of("analyze");
        }

        @Override
        protected TaskProcessor createProcessor() {
            return request -> "analyzed";
        }
    }

    @Test
    void load_withBootstrapServersWithoutPort_failsNamingTheSettingAndValue() {
        ConfigLoader loader = ConfigLoader.standard()
                .withoutClassPathFile()
                .withSystemProperties(Map.of())
                .withEnvironment(Map.of("SERVICE_NAME", "config-test", "KAFKA_BOOTSTRAP_SERVERS", "nohostport"));

        assertThatThrownBy(loader::load)
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("KAFKA_BOOTSTRAP_SERVERS")
                .hasMessageContaining("nohostport")
                .hasMessageContaining("environment variable")
                .hasMessageContaining("host:port");
    }

    @Test
    void start_withUnknownKafkaConsumerProperty_failsNamingIt_beforeContactingTheBroker() throws Exception {
        try (ServerSocketChannel fakeBroker = ServerSocketChannel.open()) {
            fakeBroker.bind(new InetSocketAddress("127.0.0.1", 0));
            fakeBroker.configureBlocking(false);
            int port = ((InetSocketAddress) fakeBroker.getLocalAddress()).getPort();
            AgentConfig config = ConfigLoader.standard()
                    .withoutClassPathFile()
                    .withSystemProperties(Map.of())
                    .withEnvironment(Map.of(
                            "SERVICE_NAME", "config-test",
                            "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + port,
                            "STREAMING_TOPICS", "readings",
                            "HTTP_PORT", "0"))
                    .withArguments("--kafka.consumer.max.pol.records=10")
                    .load();
            RealtimeAgents.App app = RealtimeAgents.app(PlainAgent::new).config(config);

            assertThatThrownBy(app::start)
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("max.pol.records")
                    .hasMessageContaining("KAFKA_CONSUMER_MAX_POL_RECORDS");
            assertThat(fakeBroker.accept()).as("a connection to the broker").isNull();
        }
    }

    @Test
    void start_withTaskEndpointOfUnsupportedTaskType_failsNamingTheEndpoint() {
        AgentConfig config = AgentConfig.builder()
                .serviceName("config-test")
                .kafkaBootstrapServers("127.0.0.1:1")
                .httpPort(0)
                .build();
        RealtimeAgents.App app = RealtimeAgents.app(AnalyzingAgent::new)
                .config(config)
                .endpoint("/analyze", "analyze")
                .endpoint("/summarize", "summarize");

        assertThatThrownBy(app::start)
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("/summarize")
                .hasMessageContaining("'summarize'")
                .hasMessageContaining("[analyze]")
                .message()
                .doesNotContain("/analyze ");
    }
}
