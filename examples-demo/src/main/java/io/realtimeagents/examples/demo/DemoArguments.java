package io.realtimeagents.examples.demo;

import java.time.Duration;

/** Reads {@link DemoOptions} from command-line arguments of the form {@code --name=value}. */
final class DemoArguments {
    private DemoArguments() {}

    /**
     * Parses {@code --http-port=<n>} (0: any free port), {@code --patients=<n>}, {@code --interval-ms=<n>} and
     * {@code --seed=<n>}; what is not given keeps its {@linkplain DemoOptions#defaults() default}.
     *
     * @throws IllegalArgumentException naming the bad argument and the accepted ones
     */
    static DemoOptions parse(String... args) {
        DemoOptions defaults = DemoOptions.defaults();
        int port = defaults.preferredHttpPort();
        int patients = defaults.patients();
        Duration interval = defaults.readingInterval();
        long seed = defaults.seed();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            String value = eq < 0 ? "" : arg.substring(eq + 1);
            try {
                switch (name) {
                    case "--http-port" -> port = Integer.parseInt(value);
                    case "--patients" -> patients = Integer.parseInt(value);
                    case "--interval-ms" -> interval = Duration.ofMillis(Long.parseLong(value));
                    case "--seed" -> seed = Long.parseLong(value);
                    default ->
                        throw new IllegalArgumentException("Unknown argument " + arg
                                + ": use --http-port=<n>, --patients=<n>, --interval-ms=<n> or --seed=<n>");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Invalid value " + value + " for " + name + ": not a number", e);
            }
        }
        return new DemoOptions(port, patients, interval, seed);
    }
}
