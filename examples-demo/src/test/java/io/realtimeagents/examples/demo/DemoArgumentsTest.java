package io.realtimeagents.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DemoArgumentsTest {
    @Test
    void noArguments_giveTheDefaults() {
        assertThat(DemoArguments.parse()).isEqualTo(DemoOptions.defaults());
        assertThat(DemoOptions.defaults()).isEqualTo(new DemoOptions(8080, 6, Duration.ofSeconds(1), 42));
    }

    @Test
    void everyArgument_isRead() {
        assertThat(DemoArguments.parse("--http-port=0", "--patients=2", "--interval-ms=100", "--seed=5"))
                .isEqualTo(new DemoOptions(0, 2, Duration.ofMillis(100), 5));
    }

    @Test
    void badValues_areNamed() {
        assertThatThrownBy(() -> DemoArguments.parse("--http-port=70000"))
                .hasMessage(
                        "Invalid value 70000 for preferredHttpPort: use a TCP port (1-65535), or 0 for any free one");
        assertThatThrownBy(() -> DemoArguments.parse("--patients=0"))
                .hasMessage("Invalid value 0 for patients: simulate 1 to 999 patients");
        assertThatThrownBy(() -> DemoArguments.parse("--port=1"))
                .hasMessageStartingWith("Unknown argument --port=1: use --http-port=<n>");
    }

    @Test
    void portSomeoneListensOn_isNotFree() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            assertThat(HttpPorts.isFree(taken.getLocalPort())).isFalse();
        }
        assertThat(HttpPorts.isFree(0)).isTrue();
    }
}
