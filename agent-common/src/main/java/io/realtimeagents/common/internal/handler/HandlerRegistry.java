package io.realtimeagents.common.internal.handler;

import io.realtimeagents.common.handler.EventHandler;
import io.realtimeagents.common.handler.MessageHandler;
import io.realtimeagents.common.internal.Checks;
import io.realtimeagents.common.model.EventType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * Message handlers by message type (one per type) and event handlers by event type (any number per type, run in
 * registration order). Thread-safe; registration normally happens once, before the agent starts consuming.
 */
public final class HandlerRegistry {
    private static final Pattern KAFKA_TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    private static final String NO_TYPE = "";

    private final Map<String, MessageRoute<?>> messageRoutes = new ConcurrentHashMap<>();
    private final Map<EventType, List<EventHandler>> eventHandlers = new ConcurrentHashMap<>();
    private final Map<String, String> kafkaTopics = new LinkedHashMap<>(); // guarded by itself

    /**
     * Consumes a Kafka topic, besides the configured streaming topics; its records that name no type of their own
     * are of {@code messageType}, unless the configuration maps the topic to another type.
     *
     * @param messageType the type of records that name none, or null when they all do
     * @throws IllegalArgumentException when the topic is not a legal Kafka topic name or already subscribed to
     */
    public void subscribeKafka(String topic, String messageType) {
        Checks.notBlank(topic, "topic");
        if (!KAFKA_TOPIC.matcher(topic).matches() || topic.equals(".") || topic.equals("..")) {
            throw new IllegalArgumentException(
                    "topic must be a Kafka topic name (1-249 of a-z A-Z 0-9 . _ -), was '" + topic + "'");
        }
        if (messageType != null) {
            Checks.notBlank(messageType, "messageType");
        }
        synchronized (kafkaTopics) {
            if (kafkaTopics.putIfAbsent(topic, messageType == null ? NO_TYPE : messageType) != null) {
                throw new IllegalArgumentException("The Kafka topic '" + topic + "' is subscribed to twice");
            }
        }
    }

    /** The Kafka topics subscribed to in code, in subscription order. */
    public List<String> kafkaTopics() {
        synchronized (kafkaTopics) {
            return List.copyOf(kafkaTopics.keySet());
        }
    }

    /** The message type given in code for a topic's records that name none, or null. */
    public String kafkaTopicType(String topic) {
        String type;
        synchronized (kafkaTopics) {
            type = kafkaTopics.get(topic);
        }
        return type == null || type.equals(NO_TYPE) ? null : type;
    }

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
