package io.realtimeagents.examples.demo;

import io.realtimeagents.examples.simulator.SimulatorOptions;
import java.time.Duration;
import java.util.Objects;

/**
 * How the demo runs.
 *
 * @param preferredHttpPort the port of the dashboard; when it is taken, a free one is chosen (and said so); 0 for any
 *     free port
 * @param patients how many patients are simulated, 1 to {@value SimulatorOptions#MAX_PATIENTS}
 * @param readingInterval how often each vital of each patient is measured
 * @param seed the seed of the simulation: the same seed plays the same patients and episodes
 */
public record DemoOptions(int preferredHttpPort, int patients, Duration readingInterval, long seed) {
    /** The dashboard's port by default. */
    public static final int DEFAULT_HTTP_PORT = 8080;

    /** Validates the options, naming the bad value. */
    public DemoOptions {
        Objects.requireNonNull(readingInterval, "readingInterval");
        if (preferredHttpPort < 0 || preferredHttpPort > 65535) {
            throw new IllegalArgumentException("Invalid value " + preferredHttpPort
                    + " for preferredHttpPort: use a TCP port (1-65535), or 0 for any free one");
        }
        if (patients < 1 || patients > SimulatorOptions.MAX_PATIENTS) {
            throw new IllegalArgumentException("Invalid value " + patients + " for patients: simulate 1 to "
                    + SimulatorOptions.MAX_PATIENTS + " patients");
        }
        if (readingInterval.toMillis() < SimulatorOptions.MIN_INTERVAL_MILLIS) {
            throw new IllegalArgumentException("Invalid value " + readingInterval + " for readingInterval: measure"
                    + " at most every " + SimulatorOptions.MIN_INTERVAL_MILLIS + " ms");
        }
    }

    /** Port 8080, 6 patients, a reading of each vital every second, seed 42. */
    public static DemoOptions defaults() {
        return new DemoOptions(
                DEFAULT_HTTP_PORT,
                SimulatorOptions.DEFAULT_PATIENTS,
                SimulatorOptions.DEFAULT_INTERVAL,
                SimulatorOptions.DEFAULT_SEED);
    }

    /** The simulator's options, publishing to the broker. */
    SimulatorOptions simulator(String serverUri) {
        return new SimulatorOptions(serverUri, patients, readingInterval, seed);
    }

    /** These options with another preferred HTTP port. */
    public DemoOptions withPreferredHttpPort(int port) {
        return new DemoOptions(port, patients, readingInterval, seed);
    }
}
