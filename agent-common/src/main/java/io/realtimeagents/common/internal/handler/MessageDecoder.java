package io.realtimeagents.common.internal.handler;

import com.fasterxml.jackson.databind.JsonNode;
import io.realtimeagents.common.PayloadDecodingException;
import io.realtimeagents.common.handler.MessageContext;
import io.realtimeagents.common.internal.Checks;
import io.realtimeagents.common.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Finds a message's type and decodes its payload for the registered handler. The type comes from, in order:
 *
 * <ol>
 *   <li>a {@code message_type} header, or a CloudEvents {@code ce_type} header;
 *   <li>a top-level {@code message_type} field of a JSON body;
 *   <li>the topic-to-type mapping (a Kafka topic, or an MQTT topic filter).
 * </ol>
 *
 * <p>When the body is an envelope with both {@code message_type} and {@code payload} fields, the handler receives the
 * {@code payload}; otherwise it receives the whole body. Bodies are parsed once; a body that names no type is decoded
 * straight into the handler's payload type without building a tree.
 */
public final class MessageDecoder {
    /** Header naming the message type. */
    public static final String MESSAGE_TYPE_HEADER = "message_type";
    /** CloudEvents (binary mode) header naming the event type. */
    public static final String CLOUD_EVENTS_TYPE_HEADER = "ce_type";

    private static final byte[] TYPE_FIELD = "\"message_type\"".getBytes(StandardCharsets.UTF_8);
    private static final int[] SKIP = skipTable(TYPE_FIELD);

    private final HandlerRegistry registry;
    private final UnaryOperator<String> topicTypes;
    private final UnaryOperator<String> mappingHint;

    /**
     * A decoder of Kafka records.
     *
     * @param registry the handlers
     * @param topicTypes the message type configured for a topic, or null when the topic has none
     */
    public MessageDecoder(HandlerRegistry registry, UnaryOperator<String> topicTypes) {
        this(registry, topicTypes, topic -> "KAFKA_TOPIC_MESSAGE_TYPES=" + topic + "=<type>");
    }

    /**
     * A decoder of any transport.
     *
     * @param registry the handlers
     * @param topicTypes the message type configured for a topic, or null when the topic has none
     * @param mappingHint how to configure a type for a topic, shown when a message's type cannot be told
     */
    public MessageDecoder(
            HandlerRegistry registry, UnaryOperator<String> topicTypes, UnaryOperator<String> mappingHint) {
        this.registry = Checks.notNull(registry, "registry");
        this.topicTypes = Checks.notNull(topicTypes, "topicTypes");
        this.mappingHint = Checks.notNull(mappingHint, "mappingHint");
    }

    /**
     * Decodes one message.
     *
     * @param topic the topic it arrived on
     * @param body the raw body
     * @param headers header look-up by name (null when absent)
     * @return the message type and payload; without a route when no handler is registered for the type
     * @throws PayloadDecodingException when the body is malformed, has no type, or does not fit the payload type
     */
    public DecodedMessage decode(String topic, byte[] body, Function<String, String> headers) {
        if (body == null || body.length == 0) {
            throw new PayloadDecodingException("The message on topic '" + topic + "' has an empty body");
        }
        String type = headerType(headers);
        JsonNode tree = null;
        if (mayNameType(body)) {
            tree = onTopic(topic, () -> Json.tree(body));
            if (type == null) {
                type = bodyType(tree);
            }
        }
        if (type == null) {
            type = topicTypes.apply(topic);
        }
        if (type == null) {
            throw new PayloadDecodingException("Cannot tell the message type of a message on topic '" + topic
                    + "': send a 'message_type' header or body field, or map the topic to a type"
                    + " (" + mappingHint.apply(topic) + ")");
        }
        MessageRoute<?> route = registry.messageRoute(type);
        String correlationId = tree == null ? null : correlationId(tree);
        if (route == null) {
            return new DecodedMessage(type, null, null, correlationId);
        }
        JsonNode parsed = tree;
        Object payload = onTopic(topic, () -> parsed == null ? route.decode(body) : route.convert(payloadOf(parsed)));
        return new DecodedMessage(type, route, payload, correlationId);
    }

    /** Runs a decoding step, adding the topic to the message of a {@link PayloadDecodingException}. */
    private static <T> T onTopic(String topic, Supplier<T> step) {
        try {
            return step.get();
        } catch (PayloadDecodingException e) {
            throw new PayloadDecodingException(
                    "Cannot decode the message on topic '" + topic + "': " + e.getMessage(), e);
        }
    }

    private static String headerType(Function<String, String> headers) {
        String type = headers.apply(MESSAGE_TYPE_HEADER);
        if (type == null || type.isBlank()) {
            type = headers.apply(CLOUD_EVENTS_TYPE_HEADER);
        }
        return type == null || type.isBlank() ? null : type;
    }

    private static String bodyType(JsonNode tree) {
        JsonNode type = tree.get(MESSAGE_TYPE_HEADER);
        return type != null && type.isTextual() && !type.asText().isBlank() ? type.asText() : null;
    }

    private static String correlationId(JsonNode tree) {
        JsonNode id = tree.get(MessageContext.CORRELATION_ID);
        return id != null && id.isTextual() && !id.asText().isBlank() ? id.asText() : null;
    }

    private static JsonNode payloadOf(JsonNode tree) {
        JsonNode payload = tree.get("payload");
        return tree.has(MESSAGE_TYPE_HEADER) && payload != null && !payload.isNull() ? payload : tree;
    }

    /** A cheap scan: only bodies containing {@code "message_type"} are parsed into a tree. */
    static boolean mayNameType(byte[] body) {
        // Boyer-Moore-Horspool: compares from the end of the window and skips ahead by up to the pattern's length.
        int last = TYPE_FIELD.length - 1;
        for (int i = last; i < body.length; i += SKIP[body[i] & 0xff]) {
            int j = last;
            int k = i;
            while (j >= 0 && body[k] == TYPE_FIELD[j]) {
                j--;
                k--;
            }
            if (j < 0) {
                return true;
            }
        }
        return false;
    }

    private static int[] skipTable(byte[] pattern) {
        int[] skip = new int[256];
        Arrays.fill(skip, pattern.length);
        for (int i = 0; i < pattern.length - 1; i++) {
            skip[pattern[i] & 0xff] = pattern.length - 1 - i;
        }
        return skip;
    }
}
