package io.realtimeagents.common.internal.handler;

import io.realtimeagents.common.handler.EventHandler;
import io.realtimeagents.common.handler.MessageHandler;
import io.realtimeagents.common.internal.Checks;
import io.realtimeagents.common.model.EventType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Message handlers by message type (one per type) and event handlers by event type (any number per type, run in
 * registration order). Thread-safe; registration normally happens once, before the agent starts consuming.
 */
public final class HandlerRegistry {
    private final Map<String, MessageRoute<?>> messageRoutes = new ConcurrentHashMap<>();
    private final Map<EventType, List<EventHandler>> eventHandlers = new ConcurrentHashMap<>();

    /**
     * Registers the handler of a message type.
     *
     * @throws IllegalStateException when the message type already has a handler
     */
    public <T> void onMessage(String messageType, Class<T> payloadType, MessageHandler<? super T> handler) {
        Checks.notBlank(messageType, "messageType");
        MessageRoute<T> route = new MessageRoute<>(messageType, payloadType, handler);
        if (messageRoutes.putIfAbsent(messageType, route) != null) {
            throw new IllegalStateException(
                    "Message type '" + messageType + "' already has a handler: register one handler per message type");
        }
    }

    /** Adds a handler of an event type. */
    public void onEvent(EventType eventType, EventHandler handler) {
        Checks.notNull(eventType, "eventType");
        Checks.notNull(handler, "handler");
        eventHandlers
                .computeIfAbsent(eventType, type -> new CopyOnWriteArrayList<>())
                .add(handler);
    }

    /** The route of a message type, or null when none is registered. */
    public MessageRoute<?> messageRoute(String messageType) {
        return messageType == null ? null : messageRoutes.get(messageType);
    }

    /** The handlers of an event type, empty when none is registered. */
    public List<EventHandler> eventHandlers(EventType eventType) {
        List<EventHandler> handlers = eventHandlers.get(eventType);
        return handlers == null ? List.of() : List.copyOf(handlers);
    }

    /** The message types that have a handler. */
    public Set<String> messageTypes() {
        return Set.copyOf(messageRoutes.keySet());
    }

    /** The event types that have at least one handler. */
    public Set<EventType> eventTypes() {
        return Set.copyOf(eventHandlers.keySet());
    }

    /** Whether any event handler is registered (the agent then consumes the events topic). */
    public boolean hasEventHandlers() {
        return !eventHandlers.isEmpty();
    }
}
