package io.realtimeagents.examples.demo;

import io.realtimeagents.examples.simulator.CommandLine;

/** Reads {@link DemoOptions} from command-line arguments of the form {@code --name=value}. */
final class DemoArguments {
    private static final String USAGE = "--http-port=<n>, --patients=<n>, --interval-ms=<n> or --seed=<n>";

    private DemoArguments() {}

    /**
     * Parses {@code --http-port=<n>} (0: any free port), {@code --patients=<n>}, {@code --interval-ms=<n>} and
     * {@code --seed=<n>}; what is not given keeps its {@linkplain DemoOptions#defaults() default}.
     *
     * @throws IllegalArgumentException naming the bad argument and the accepted ones
     */
    static DemoOptions parse(String... args) {
        DemoOptions defaults = DemoOptions.defaults();
        CommandLine line = CommandLine.parse(args, USAGE, "--http-port", "--patients", "--interval-ms", "--seed");
        return new DemoOptions(
                line.integer("--http-port", defaults.preferredHttpPort()),
                line.integer("--patients", defaults.patients()),
                line.millis("--interval-ms", defaults.readingInterval()),
                line.number("--seed", defaults.seed()));
    }
}
