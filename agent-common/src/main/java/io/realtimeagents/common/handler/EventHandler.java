package io.realtimeagents.common.handler;

import io.realtimeagents.common.model.RealtimeEvent;

/**
 * Handles events of one event type. Event handlers run once per consumer group: when several replicas of an agent
 * run, each event reaches exactly one of them (at least once). Failures are retried and dead-lettered like messages.
 */
@FunctionalInterface
public interface EventHandler {
    /**
     * Handles one event.
     *
     * @param event the event
     * @param context where the event came from and how often it was attempted
     * @throws Exception to have the event retried, then dead-lettered
     */
    void handle(RealtimeEvent event, MessageContext context) throws Exception;
}
