/**
 * Real Kafka brokers for tests, for our own modules and for users of Realtime Agents.
 *
 * <p>{@link io.realtimeagents.testkit.KafkaBrokers#shared()} gives one broker per test JVM: an existing broker named
 * by {@code REALTIME_AGENTS_TEST_KAFKA=external:<bootstrap>}, a Testcontainers container when a Docker engine is
 * available, or an in-JVM KRaft broker otherwise. {@link io.realtimeagents.testkit.WithKafka} injects that broker and a
 * per-test {@link io.realtimeagents.testkit.KafkaTestClient} into JUnit 5 tests; the client produces records, reads
 * them back with deadlines and inspects consumer groups. {@link io.realtimeagents.testkit.Await} polls a condition
 * until a deadline, so tests never sleep for a fixed time. {@link io.realtimeagents.testkit.WsTestClient} and
 * {@link io.realtimeagents.testkit.SseTestClient} test an agent's {@code /ws} and {@code /stream/...} endpoints with
 * real {@code java.net.http} clients. {@link io.realtimeagents.testkit.TestAgent} starts a real agent on a free port
 * with its test clients ({@link io.realtimeagents.testkit.HttpTestClient}, Kafka, WebSocket, SSE) and stops it on
 * {@code close()}; it uses the runtime's public API only.
 */
package io.realtimeagents.testkit;
