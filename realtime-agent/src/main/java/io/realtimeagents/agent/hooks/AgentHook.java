package io.realtimeagents.agent.hooks;

import io.realtimeagents.common.config.AgentConfig;

/**
 * User code called at the agent's start and stop and around each handling of a Kafka record or MQTT message: for
 * metrics, tracing or auditing. Every method does nothing unless overridden. Register hooks with
 * {@code RealtimeAgent.addHook(AgentHook)} in {@code initialize()}; several run in the order they were added.
 *
 * <p>A hook that throws is logged (once per hook and method) and counted as {@code realtime_hook_failures_total{hook,
 * phase}}; the handling goes on as if it had returned. The handling methods run on the handler's thread, inside the
 * handling's SLF4J MDC ({@code correlation_id}, {@code message_type}, {@code topic}): keep them fast, they delay the
 * next message of the partition or MQTT lane. An agent without hooks pays nothing for them.
 *
 * <pre>{@code
 * addHook(new AgentHook() {
 *     public void afterHandling(HandlingInfo handling, HandlingOutcome outcome) {
 *         timer(handling.messageType(), outcome.status()).record(outcome.duration());
 *     }
 * });
 * }</pre>
 */
public interface AgentHook {
    /**
     * Called after the agent started consuming and serving HTTP, before the agent's own {@code onStart()}.
     *
     * @param config the agent's configuration (its service name, topics)
     */
    default void onStart(AgentConfig config) {}

    /** Called when the agent stops, after consuming stopped and after the agent's own {@code onStop()}. */
    default void onStop(AgentConfig config) {}

    /** Called before each attempt of a handler at a message (several per message when it is retried). */
    default void beforeHandling(HandlingInfo handling) {}

    /**
     * Called after each attempt, with what became of it; for an attempt that failed, after
     * {@link #onError(HandlingInfo, Throwable)}.
     */
    default void afterHandling(HandlingInfo handling, HandlingOutcome outcome) {}

    /**
     * Called when an attempt failed: its handler threw, or one of its outputs (a Kafka send, an emit, an MQTT
     * publish) failed. An output may fail after the handler returned and {@link #afterHandling} reported it handled:
     * then this is called once more, and the message is handled again (a new attempt) or settled by the failure
     * strategy when no retries are left.
     */
    default void onError(HandlingInfo handling, Throwable error) {}
}
