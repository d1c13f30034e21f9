package io.realtimeagents.common.handler;

/**
 * Handles messages of one message type. A handler that returns normally has finished with the message (its offset
 * may be committed, its MQTT acknowledgement sent); a handler that throws is retried with backoff and, when retries
 * are exhausted, the message goes to the dead-letter topic.
 *
 * @param <T> the payload type the message body is decoded into
 */
@FunctionalInterface
public interface MessageHandler<T> {
    /**
     * Handles one message.
     *
     * @param payload the decoded payload
     * @param context where the message came from and how often it was attempted
     * @throws Exception to have the message retried, then dead-lettered
     */
    void handle(T payload, MessageContext context) throws Exception;
}
