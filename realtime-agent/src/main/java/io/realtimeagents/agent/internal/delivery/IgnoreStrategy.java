package io.realtimeagents.agent.internal.delivery;

import io.realtimeagents.agent.internal.delivery.DeadLetterPublisher.DeadLetter;
import io.realtimeagents.agent.internal.metrics.AgentMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code ignore}: the message is logged and counted, then committed without a dead letter. */
final class IgnoreStrategy implements FailureStrategy {
    private static final Logger LOG = LoggerFactory.getLogger(IgnoreStrategy.class);

    private final AgentMetrics metrics;

    IgnoreStrategy(AgentMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public boolean failed(DeadLetter failure, StopSignal stop) {
        InboundMessage source = failure.source();
        LOG.warn(
                "Ignoring {} ({}, HANDLER_FAILURE_STRATEGY=ignore): {}",
                source.describe(),
                failure.reason(),
                failure.error().toString());
        metrics.failureIgnored(source.transport(), source.metricsTopic(), failure.messageType(), failure.reason());
        return true;
    }
}
