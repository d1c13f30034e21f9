package io.realtimeagents.benchmarks.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.realtimeagents.benchmarks.BenchmarkOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

class IoOptionsTest {
    private static IoOptions read(String... arguments) {
        return IoOptions.read(BenchmarkOptions.parse(List.of(arguments)));
    }

    private static String error(String... arguments) {
        return assertThrows(IllegalArgumentException.class, () -> read(arguments))
                .getMessage();
    }

    @Test
    void read_noOptions_givesTheIssuesSettings() {
        assertEquals(new IoOptions(200_000, 10_000, 10, 1_000, 4_000, 50_000, 5_000, 10, 10), read());
    }

    @Test
    void read_everyOption_isTaken() {
        assertEquals(
                new IoOptions(50_000, 500, 5, 200, 1_000, 2_000, 1_000, 3, 0),
                read(
                        "--records=50_000",
                        "--keys=500",
                        "--io-ms=5",
                        "--max-in-flight=200",
                        "--partition-records=1000",
                        "--warmup-records=2000",
                        "--paced-rate=1000",
                        "--paced-seconds=3",
                        "--paced-warmup-seconds=0"));
    }

    @Test
    void read_badValues_nameTheOptionAndTheLimit() {
        assertEquals("Invalid value 0 for option --io-ms: must be a positive whole number", error("--io-ms=0"));
        assertEquals(
                "Invalid value 5000 for option --partition-records: must not exceed --records (1000)",
                error("--records=1000", "--partition-records=5000", "--warmup-records=10"));
        assertEquals(
                "Invalid value 200000 for option --max-in-flight: must not exceed KAFKA_MAX_IN_FLIGHT's limit (100000)",
                error("--max-in-flight=200000"));
    }

    @Test
    void read_unknownOption_isRejected() {
        assertEquals(
                "Unknown option(s) [pace-rate]",
                error("--pace-rate=10").substring(0, "Unknown option(s) [pace-rate]".length()));
    }
}
