/**
 * Benchmarks run as a command: {@link io.realtimeagents.benchmarks.BenchmarkMain} picks one {@link
 * io.realtimeagents.benchmarks.Benchmark} by its name, the first argument. Each benchmark lives in a package of its
 * own.
 */
package io.realtimeagents.benchmarks;
