package io.realtimeagents.common.internal.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.realtimeagents.common.PayloadDecodingException;
import io.realtimeagents.common.handler.MessageContext;
import io.realtimeagents.common.handler.MessageHandler;
import io.realtimeagents.common.internal.Checks;
import io.realtimeagents.common.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A registered message handler together with the payload type it wants.
 *
 * @param <T> the payload type
 */
public final class MessageRoute<T> {
    private final String messageType;
    private final Class<T> payloadType;
    private final MessageHandler<? super T> handler;
    private final ObjectReader reader;

    MessageRoute(String messageType, Class<T> payloadType, MessageHandler<? super T> handler) {
        this.messageType = Checks.notNull(messageType, "messageType");
        this.payloadType = Checks.notNull(payloadType, "payloadType");
        this.handler = Checks.notNull(handler, "handler");
        this.reader = Json.mapper().readerFor(payloadType);
    }

    /** The message type this route handles. */
    public String messageType() {
        return messageType;
    }

    /** The payload type the handler receives. */
    public Class<T> payloadType() {
        return payloadType;
    }

    /** Runs the handler. */
    public void invoke(Object payload, MessageContext context) throws Exception {
        handler.handle(payloadType.cast(payload), context);
    }

    /** Decodes a whole body into the payload type. */
    T decode(byte[] body) {
        if (payloadType == byte[].class) {
            return payloadType.cast(body);
        }
        if (payloadType == String.class) {
            return payloadType.cast(new String(body, StandardCharsets.UTF_8));
        }
        try {
            T value = reader.readValue(body);
            if (value == null) {
                throw new PayloadDecodingException(
                        "Cannot decode the payload of message type '" + messageType + "': the body is JSON null");
            }
            return value;
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** Converts an already parsed payload into the payload type. */
    T convert(JsonNode payload) {
        if (payloadType.isInstance(payload)) {
            return payloadType.cast(payload);
        }
        if (payloadType == String.class || payloadType == byte[].class) {
            return decode(
                    payload.isTextual() ? payload.asText().getBytes(StandardCharsets.UTF_8) : Json.encode(payload));
        }
        try {
            return reader.readValue(payload);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private PayloadDecodingException failure(IOException e) {
        String detail = e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe
                ? jpe.getOriginalMessage()
                : e.getMessage();
        return new PayloadDecodingException(
                "Cannot decode the payload of message type '" + messageType + "' as " + payloadType.getSimpleName()
                        + ": " + detail,
                e);
    }
}
