/**
 * Request/reply between agents over Kafka: the request and reply envelopes, the lookup of a service's request topic,
 * the serving side (a handler of the request topic, on the shared dispatcher) and the calling side (pending requests
 * matched by correlation id, read from one partition of the shared reply topic). See {@code docs/mesh-requests.md}.
 */
package io.realtimeagents.agent.internal.request;
