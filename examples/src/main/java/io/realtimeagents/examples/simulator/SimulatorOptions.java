package io.realtimeagents.examples.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * What the simulator publishes where.
 *
 * @param serverUri the MQTT broker, e.g. {@code tcp://127.0.0.1:1883}
 * @param patients how many patients, 1 to {@value #MAX_PATIENTS}
 * @param interval how often each vital of each patient is published, at least {@value #MIN_INTERVAL_MILLIS} ms
 * @param seed the seed of baselines, noise and episodes
 */
public record SimulatorOptions(String serverUri, int patients, Duration interval, long seed) {
    /** Patients by default. */
    public static final int DEFAULT_PATIENTS = 6;
    /** Interval by default. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
    /** Seed by default. */
    public static final long DEFAULT_SEED = 42;
    /** The most patients one simulator publishes for. */
    public static final int MAX_PATIENTS = 999;
    /** The shortest interval, in milliseconds. */
    public static final long MIN_INTERVAL_MILLIS = 10;

    /** Validates the options, naming the bad value. */
    public SimulatorOptions {
        Objects.requireNonNull(serverUri, "serverUri");
        Objects.requireNonNull(interval, "interval");
        if (!serverUri.startsWith("tcp://") && !serverUri.startsWith("ssl://")) {
            throw new IllegalArgumentException(
                    "Invalid value " + serverUri + " for serverUri: write tcp://host:port, e.g. tcp://127.0.0.1:1883");
        }
        if (patients < 1 || patients > MAX_PATIENTS) {
            throw new IllegalArgumentException(
                    "Invalid value " + patients + " for patients: simulate 1 to " + MAX_PATIENTS + " patients");
        }
        if (interval.toMillis() < MIN_INTERVAL_MILLIS) {
            throw new IllegalArgumentException("Invalid value " + interval + " for interval: publish at most every "
                    + MIN_INTERVAL_MILLIS + " ms");
        }
    }

    /** The default patients, interval and seed, publishing to the broker. */
    public static SimulatorOptions defaults(String serverUri) {
        return new SimulatorOptions(serverUri, DEFAULT_PATIENTS, DEFAULT_INTERVAL, DEFAULT_SEED);
    }
}
