package io.realtimeagents.benchmarks;

/** One benchmark, run by {@link BenchmarkMain} when its name is the first argument. */
public interface Benchmark {
    /** The sub-command that runs it, e.g. {@code kafka}. */
    String name();

    /** One line saying what it measures, for the usage text. */
    String description();

    /** The options it accepts, one per line, for the usage text. */
    String optionsHelp();

    /**
     * Runs the benchmark and prints its figures to standard output.
     *
     * @param options the arguments after the benchmark's name
     * @throws Exception when the benchmark cannot finish; its figures are then not valid
     */
    void run(BenchmarkOptions options) throws Exception;
}
