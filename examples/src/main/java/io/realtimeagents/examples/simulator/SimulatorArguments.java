package io.realtimeagents.examples.simulator;

/** Reads {@link SimulatorOptions} from command-line arguments of the form {@code --name=value}. */
final class SimulatorArguments {
    private static final String USAGE = "--mqtt=tcp://host:port, --patients=<n>, --interval-ms=<n> or --seed=<n>";

    private SimulatorArguments() {}

    /**
     * Parses {@code --mqtt=<server URI>}, {@code --patients=<n>}, {@code --interval-ms=<n>} and {@code --seed=<n>};
     * what is not given keeps its default ({@code tcp://127.0.0.1:1883}, 6, 1000, 42).
     *
     * @throws IllegalArgumentException naming the bad argument and the accepted ones
     */
    static SimulatorOptions parse(String... args) {
        CommandLine line = CommandLine.parse(args, USAGE, "--mqtt", "--patients", "--interval-ms", "--seed");
        return new SimulatorOptions(
                line.text("--mqtt", "tcp://127.0.0.1:1883"),
                line.integer("--patients", SimulatorOptions.DEFAULT_PATIENTS),
                line.millis("--interval-ms", SimulatorOptions.DEFAULT_INTERVAL),
                line.number("--seed", SimulatorOptions.DEFAULT_SEED));
    }
}
