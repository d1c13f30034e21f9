package io.realtimeagents.examples.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimulatorArgumentsTest {
    @Test
    void noArguments_givesTheDefaults() {
        assertThat(SimulatorArguments.parse())
                .isEqualTo(new SimulatorOptions("tcp://127.0.0.1:1883", 6, Duration.ofSeconds(1), 42));
    }

    @Test
    void everyArgument_isRead() {
        assertThat(SimulatorArguments.parse(
                        "--mqtt=tcp://broker:1884", "--patients=3", "--interval-ms=250", "--seed=9"))
                .isEqualTo(new SimulatorOptions("tcp://broker:1884", 3, Duration.ofMillis(250), 9));
    }

    @Test
    void badArguments_areNamed() {
        assertThatThrownBy(() -> SimulatorArguments.parse("--patients=many"))
                .hasMessage("Invalid value many for --patients: not a number");
        assertThatThrownBy(() -> SimulatorArguments.parse("--rate=5"))
                .hasMessageStartingWith("Unknown argument --rate=5: use --mqtt=tcp://host:port");
        assertThatThrownBy(() -> SimulatorArguments.parse("--mqtt=broker:1883"))
                .hasMessage(
                        "Invalid value broker:1883 for serverUri: write tcp://host:port, e.g. tcp://127.0.0.1:1883");
        assertThatThrownBy(() -> SimulatorArguments.parse("--interval-ms=5"))
                .hasMessage("Invalid value PT0.005S for interval: publish at most every 10 ms");
    }
}
