package io.realtimeagents.common.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.realtimeagents.common.PayloadDecodingException;
import io.realtimeagents.common.RealtimeAgentException;
import java.io.IOException;
import java.time.Instant;

/**
 * The JSON conventions of the wire contract: field names in snake_case ({@code message_type}, {@code event_id}),
 * timestamps as ISO-8601 strings (read also without a zone, as UTC, as Python writes naive datetimes), unknown fields
 * ignored so producers can add fields without breaking consumers.
 */
public final class Json {
    private static final ObjectMapper MAPPER = newMapper();

    private Json() {}

    /** A new mapper configured with the wire conventions, for code that needs to customise one further. */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .addModule(new JavaTimeModule())
                .addModule(
                        new SimpleModule("wire-instant").addDeserializer(Instant.class, new WireInstantDeserializer()))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .build();
    }

    /** The shared mapper. Do not reconfigure it: use {@link #newMapper()} for a customised copy. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Encodes a value as UTF-8 JSON bytes. */
    public static byte[] encode(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new RealtimeAgentException(
                    "Cannot encode a " + value.getClass().getName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Encodes a value as a JSON string. */
    public static String encodeToString(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new RealtimeAgentException(
                    "Cannot encode a " + value.getClass().getName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Decodes UTF-8 JSON bytes into the given type.
     *
     * @throws PayloadDecodingException naming the target type and what was wrong with the input
     */
    public static <T> T decode(byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw decodingFailure(type, e);
        }
    }

    /** Parses UTF-8 JSON bytes into a tree. */
    public static JsonNode tree(byte[] json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new PayloadDecodingException("Malformed JSON: the body is empty");
            }
            return node;
        } catch (IOException e) {
            throw new PayloadDecodingException("Malformed JSON: " + describe(e), e);
        }
    }

    /** Converts a tree (or any value Jackson can read) into the given type. */
    public static <T> T convert(Object value, Class<T> type) {
        try {
            if (value instanceof JsonNode node) {
                return MAPPER.treeToValue(node, type);
            }
            return MAPPER.convertValue(value, type);
        } catch (IOException | IllegalArgumentException e) {
            throw decodingFailure(type, e);
        }
    }

    private static PayloadDecodingException decodingFailure(Class<?> type, Exception e) {
        return new PayloadDecodingException(
                "Cannot decode the payload as " + type.getSimpleName() + ": " + describe(e), e);
    }

    private static String describe(Exception e) {
        if (e instanceof JsonProcessingException jpe) {
            String where = jpe.getLocation() == null
                    ? ""
                    : " (line " + jpe.getLocation().getLineNr() + ", column "
                            + jpe.getLocation().getColumnNr() + ")";
            return jpe.getOriginalMessage() + where;
        }
        Throwable root = e.getCause() instanceof JsonProcessingException jpe ? jpe : e;
        return root.getMessage();
    }
}
