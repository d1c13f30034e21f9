package io.realtimeagents.common.internal.handler;

import io.realtimeagents.common.handler.MessageContext;

/**
 * A message whose type was found and whose payload was decoded, ready for its handler.
 *
 * @param messageType the message type the message is dispatched by
 * @param route the registered route, or null when no handler is registered for the type
 * @param payload the decoded payload, or null when there is no route
 * @param correlationId the {@code correlation_id} field of the message's JSON envelope, or null
 */
public record DecodedMessage(String messageType, MessageRoute<?> route, Object payload, String correlationId) {
    /** Whether a handler is registered for the message's type. */
    public boolean hasHandler() {
        return route != null;
    }

    /** Runs the handler on the payload. */
    public void invoke(MessageContext context) throws Exception {
        if (route == null) {
            throw new IllegalStateException("No handler is registered for message type '" + messageType + "'");
        }
        route.invoke(payload, context);
    }
}
