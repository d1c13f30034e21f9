package io.realtimeagents.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchmarkOptionsTest {
    @Test
    void duration_readsUnitsAndTheirSums() {
        BenchmarkOptions options =
                BenchmarkOptions.parse(List.of("--a=10m", "--b=90s", "--c=5m30s", "--d=500ms", "--e=1h"));

        assertEquals(Duration.ofMinutes(10), options.duration("a", Duration.ZERO));
        assertEquals(Duration.ofSeconds(90), options.duration("b", Duration.ZERO));
        assertEquals(Duration.ofSeconds(330), options.duration("c", Duration.ZERO));
        assertEquals(Duration.ofMillis(500), options.duration("d", Duration.ZERO));
        assertEquals(Duration.ofHours(1), options.duration("e", Duration.ZERO));
        assertEquals(Duration.ofSeconds(7), options.duration("absent", Duration.ofSeconds(7)));
    }

    @Test
    void duration_rejectsATextWithoutUnitsOrZero_namingTheOption() {
        for (String bad : List.of("10", "10x", "m", "0s", "5m 3s")) {
            BenchmarkOptions options = BenchmarkOptions.parse(List.of("--duration=" + bad));

            IllegalArgumentException error =
                    assertThrows(IllegalArgumentException.class, () -> options.duration("duration", Duration.ZERO));

            assertEquals(
                    "Invalid value " + bad + " for option --duration: must be a positive duration such as 10m, 90s,"
                            + " 5m30s or 500ms",
                    error.getMessage());
        }
    }
}
