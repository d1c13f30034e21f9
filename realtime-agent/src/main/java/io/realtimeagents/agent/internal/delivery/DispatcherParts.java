package io.realtimeagents.agent.internal.delivery;

import io.realtimeagents.agent.internal.metrics.AgentMetrics;
import io.realtimeagents.common.config.UnhandledMessagePolicy;
import io.realtimeagents.common.handler.RetryPolicy;
import io.realtimeagents.common.internal.handler.HandlerRegistry;
import io.realtimeagents.common.internal.handler.MessageDecoder;

/**
 * What a {@link MessageDispatcher} works with.
 *
 * @param registry the handlers
 * @param decoder finds types and decodes payloads
 * @param retryPolicy how failed handlers are retried
 * @param unhandledPolicy what happens to messages without handler
 * @param deadLetters where messages without handler go
 * @param failureStrategy what becomes of messages that failed for good
 * @param metrics where outcomes are counted
 * @param hooks the agent's hooks, told about each attempt
 */
public record DispatcherParts(
        HandlerRegistry registry,
        MessageDecoder decoder,
        RetryPolicy retryPolicy,
        UnhandledMessagePolicy unhandledPolicy,
        DeadLetterPublisher deadLetters,
        FailureStrategy failureStrategy,
        AgentMetrics metrics,
        HookRunner hooks) {}
