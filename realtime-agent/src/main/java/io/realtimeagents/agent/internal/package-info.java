/**
 * Implementation of the agent runtime; not API, may change in any release.
 *
 * <p>Dependencies point one way. The API package {@code io.realtimeagents.agent} is the front: it starts the runtime
 * of this package and its HTTP server. Internals use the API package only for the values a user also sees
 * ({@code SentRecord}, {@code DeadLetterHeaders}, {@code MqttHeaders}), never its classes with behaviour. Among the
 * internal packages there are no cycles: {@code server} on top, then this package (the runtime's wiring), then the
 * transports ({@code mqtt} above {@code kafka}) and {@code live}, then {@code delivery}, {@code metrics} and
 * {@code http}. A lower package that needs something of a higher one declares a narrow interface the higher one
 * implements (e.g. {@code delivery.RecordSender}, implemented by the Kafka producer). {@code ArchitectureTest} checks
 * this, and that Micronaut is used only in {@code server} and Netty only in {@code server} and {@code live}.
 */
package io.realtimeagents.agent.internal;
