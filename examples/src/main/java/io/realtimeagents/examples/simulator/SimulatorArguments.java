package io.realtimeagents.examples.simulator;

import java.time.Duration;

/** Reads {@link SimulatorOptions} from command-line arguments of the form {@code --name=value}. */
final class SimulatorArguments {
    private SimulatorArguments() {}

    /**
     * Parses {@code --mqtt=<server URI>}, {@code --patients=<n>}, {@code --interval-ms=<n>} and {@code --seed=<n>};
     * what is not given keeps its default ({@code tcp://127.0.0.1:1883}, 6, 1000, 42).
     *
     * @throws IllegalArgumentException naming the bad argument and the accepted ones
     */
    static SimulatorOptions parse(String... args) {
        String server = "tcp://127.0.0.1:1883";
        int patients = SimulatorOptions.DEFAULT_PATIENTS;
        Duration interval = SimulatorOptions.DEFAULT_INTERVAL;
        long seed = SimulatorOptions.DEFAULT_SEED;
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            String value = eq < 0 ? "" : arg.substring(eq + 1);
            try {
                switch (name) {
                    case "--mqtt" -> server = value;
                    case "--patients" -> patients = Integer.parseInt(value);
                    case "--interval-ms" -> interval = Duration.ofMillis(Long.parseLong(value));
                    case "--seed" -> seed = Long.parseLong(value);
                    default ->
                        throw new IllegalArgumentException("Unknown argument " + arg + ": use --mqtt=tcp://"
                                + "host:port, --patients=<n>, --interval-ms=<n> or --seed=<n>");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Invalid value " + value + " for " + name + ": not a number", e);
            }
        }
        return new SimulatorOptions(server, patients, interval, seed);
    }
}
