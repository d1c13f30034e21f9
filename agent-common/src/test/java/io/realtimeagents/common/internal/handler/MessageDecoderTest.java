package io.realtimeagents.common.internal.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.realtimeagents.common.PayloadDecodingException;
import io.realtimeagents.common.handler.KafkaContext;
import io.realtimeagents.common.handler.MessageContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MessageDecoderTest {

    record HeartRate(String patientId, int bpm) {}

    private final HandlerRegistry registry = new HandlerRegistry();
    private final Map<String, String> topicTypes = new HashMap<>();
    private final MessageDecoder decoder = new MessageDecoder(registry, topicTypes::get);

    @BeforeEach
    void registerHandlers() {
        registry.onMessage("heart_rate", HeartRate.class, (payload, context) -> {});
        registry.onMessage("raw_tree", JsonNode.class, (payload, context) -> {});
        registry.onMessage("text", String.class, (payload, context) -> {});
        registry.onMessage("bytes", byte[].class, (payload, context) -> {});
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private DecodedMessage decode(String topic, String body, Map<String, String> headers) {
        return decoder.decode(topic, utf8(body), headers::get);
    }

    private DecodedMessage decode(String topic, String body) {
        return decode(topic, body, Map.of());
    }

    @Test
    void type_fromMessageTypeHeader_winsOverEverythingElse() {
        topicTypes.put("vitals", "text");

        DecodedMessage message = decode(
                "vitals",
                "{\"message_type\":\"bytes\",\"patient_id\":\"p1\",\"bpm\":70}",
                Map.of("message_type", "heart_rate", "ce_type", "raw_tree"));

        assertThat(message.messageType()).isEqualTo("heart_rate");
        assertThat(message.payload()).isEqualTo(new HeartRate("p1", 70));
    }

    @Test
    void type_fromCloudEventsHeader_whenNoMessageTypeHeader() {
        topicTypes.put("vitals", "text");

        DecodedMessage message =
                decode("vitals", "{\"message_type\":\"bytes\",\"bpm\":70}", Map.of("ce_type", "heart_rate"));

        assertThat(message.messageType()).isEqualTo("heart_rate");
        assertThat(message.payload()).isEqualTo(new HeartRate(null, 70));
    }

    @Test
    void type_blankMessageTypeHeader_fallsBackToCloudEventsHeader() {
        DecodedMessage message = decode("vitals", "{\"bpm\":70}", Map.of("message_type", " ", "ce_type", "heart_rate"));

        assertThat(message.messageType()).isEqualTo("heart_rate");
    }

    @Test
    void type_fromBodyField_winsOverTopicMapping() {
        topicTypes.put("vitals", "text");

        DecodedMessage message = decode("vitals", "{\"message_type\":\"heart_rate\",\"patient_id\":\"p1\",\"bpm\":70}");

        assertThat(message.messageType()).isEqualTo("heart_rate");
        assertThat(message.route().payloadType()).isEqualTo(HeartRate.class);
        assertThat(message.payload()).isEqualTo(new HeartRate("p1", 70));
    }

    @Test
    void type_fromTopicMapping_whenHeadersAndBodyNameNone() {
        topicTypes.put("vitals", "heart_rate");

        DecodedMessage message = decode("vitals", "{\"patient_id\":\"p1\",\"bpm\":70}");

        assertThat(message.messageType()).isEqualTo("heart_rate");
        assertThat(message.hasHandler()).isTrue();
        assertThat(message.payload()).isEqualTo(new HeartRate("p1", 70));
    }

    @Test
    void envelope_deliversThePayload() {
        DecodedMessage message =
                decode("vitals", "{\"message_type\":\"heart_rate\",\"payload\":{\"patient_id\":\"p1\",\"bpm\":70}}");

        assertThat(message.payload()).isEqualTo(new HeartRate("p1", 70));
    }

    @Test
    void envelope_withTypeFromHeader_stillDeliversThePayload() {
        DecodedMessage message = decode(
                "vitals", "{\"message_type\":\"other\",\"payload\":{\"bpm\":70}}", Map.of("message_type", "raw_tree"));

        assertThat(message.messageType()).isEqualTo("raw_tree");
        assertThat(((JsonNode) message.payload()).toString()).isEqualTo("{\"bpm\":70}");
    }

    @Test
    void envelope_withNullPayload_deliversTheWholeBody() {
        DecodedMessage message = decode("vitals", "{\"message_type\":\"raw_tree\",\"payload\":null}");

        assertThat(((JsonNode) message.payload()).get("message_type").asText()).isEqualTo("raw_tree");
    }

    @Test
    void bodyWithTypeFieldButNoPayload_deliversTheWholeBody() {
        DecodedMessage message = decode("vitals", "{\"message_type\":\"raw_tree\",\"bpm\":70}");

        assertThat(((JsonNode) message.payload()).toString()).isEqualTo("{\"message_type\":\"raw_tree\",\"bpm\":70}");
    }

    @Test
    void bodyWithoutType_isDecodedDirectly_evenWhenNotJson() {
        topicTypes.put("chat", "text");
        topicTypes.put("blobs", "bytes");
        byte[] binary = {0, (byte) 0xff, 42};

        DecodedMessage text = decode("chat", "hello, not JSON");
        DecodedMessage bytes = decoder.decode("blobs", binary, name -> null);

        assertThat(text.payload()).isEqualTo("hello, not JSON");
        assertThat(bytes.payload()).isEqualTo(binary);
    }

    @Test
    void payloadTypes_jsonNodeStringAndBytes_fromAnEnvelope() {
        String envelope = "{\"message_type\":\"%s\",\"payload\":{\"a\":[1,2]}}";

        Object tree = decode("t", envelope.formatted("raw_tree")).payload();
        Object text = decode("t", envelope.formatted("text")).payload();
        Object bytes = decode("t", envelope.formatted("bytes")).payload();

        assertThat(tree).isInstanceOf(JsonNode.class);
        assertThat(((JsonNode) tree).at("/a/1").asInt()).isEqualTo(2);
        assertThat(text).isEqualTo("{\"a\":[1,2]}");
        assertThat(bytes).isEqualTo(utf8("{\"a\":[1,2]}"));
    }

    @Test
    void payloadTypes_jsonNodeStringAndBytes_fromHeaderTypedBody() {
        String body = "{\"a\":[1,2]}";

        Object tree = decode("t", body, Map.of("message_type", "raw_tree")).payload();
        Object text = decode("t", body, Map.of("message_type", "text")).payload();
        Object bytes = decode("t", body, Map.of("message_type", "bytes")).payload();

        assertThat(((JsonNode) tree).at("/a/0").asInt()).isEqualTo(1);
        assertThat(text).isEqualTo(body);
        assertThat(bytes).isEqualTo(utf8(body));
    }

    @Test
    void unknownType_returnsMessageWithoutRoute() {
        DecodedMessage message = decode("vitals", "{\"message_type\":\"temperature\",\"celsius\":37}");

        assertThat(message.messageType()).isEqualTo("temperature");
        assertThat(message.hasHandler()).isFalse();
        assertThat(message.route()).isNull();
        assertThat(message.payload()).isNull();
        assertThatIllegalStateException()
                .isThrownBy(() -> message.invoke(null))
                .withMessage("No handler is registered for message type 'temperature'");
    }

    @Test
    void unknownTypeFromHeader_doesNotNeedAValidBody() {
        DecodedMessage message = decode("vitals", "not json at all", Map.of("message_type", "temperature"));

        assertThat(message.hasHandler()).isFalse();
    }

    @Test
    void malformedJson_namesTopicLineAndColumn() {
        assertThatThrownBy(() -> decode("vitals", "{\"message_type\":\"heart_rate\",\n\"bpm\": seventy}"))
                .isInstanceOf(PayloadDecodingException.class)
                .hasMessageStartingWith("Cannot decode the message on topic 'vitals': Malformed JSON: ")
                .hasMessageContaining("(line 2, column ");
    }

    @Test
    void malformedJsonWithoutTypeField_namesTopicAndMessageType() {
        topicTypes.put("vitals", "heart_rate");

        assertThatThrownBy(() -> decode("vitals", "{\"bpm\": seventy}"))
                .isInstanceOf(PayloadDecodingException.class)
                .hasMessageStartingWith("Cannot decode the message on topic 'vitals': ")
                .hasMessageContaining("Cannot decode the payload of message type 'heart_rate' as HeartRate");
    }

    @Test
    void payloadOfWrongShape_namesTopicTypeAndPayloadClass() {
        assertThatThrownBy(() -> decode("vitals", "{\"message_type\":\"heart_rate\",\"payload\":{\"bpm\":\"fast\"}}"))
                .isInstanceOf(PayloadDecodingException.class)
                .hasMessageStartingWith("Cannot decode the message on topic 'vitals': ")
                .hasMessageContaining("Cannot decode the payload of message type 'heart_rate' as HeartRate: ")
                .hasMessageContaining("fast");
    }

    @Test
    void jsonNullBody_namesTheMessageType() {
        topicTypes.put("vitals", "heart_rate");

        assertThatThrownBy(() -> decode("vitals", "null"))
                .isInstanceOf(PayloadDecodingException.class)
                .hasMessageContaining("topic 'vitals'")
                .hasMessageContaining("message type 'heart_rate': the body is JSON null");
    }

    @Test
    void emptyBody_namesTheTopic() {
        assertThatThrownBy(() -> decoder.decode("vitals", new byte[0], name -> "heart_rate"))
                .isInstanceOf(PayloadDecodingException.class)
                .hasMessage("The message on topic 'vitals' has an empty body");
        assertThatThrownBy(() -> decoder.decode("vitals", null, name -> "heart_rate"))
                .isInstanceOf(PayloadDecodingException.class)
                .hasMessage("The message on topic 'vitals' has an empty body");
    }

    @Test
    void noTypeAnywhere_namesTopicAndConfigurationHint() {
        assertThatThrownBy(() -> decode("vitals", "{\"bpm\":70}"))
                .isInstanceOf(PayloadDecodingException.class)
                .hasMessage("Cannot tell the message type of a message on topic 'vitals': send a 'message_type'"
                        + " header or body field, or map the topic to a type"
                        + " (KAFKA_TOPIC_MESSAGE_TYPES=vitals=<type>)");
    }

    @Test
    void nestedTypeField_isNotTheMessageType_andTopicMappingApplies() {
        topicTypes.put("vitals", "raw_tree");

        DecodedMessage message = decode("vitals", "{\"reading\":{\"message_type\":\"heart_rate\"},\"bpm\":70}");

        assertThat(message.messageType()).isEqualTo("raw_tree");
        assertThat(((JsonNode) message.payload()).toString())
                .isEqualTo("{\"reading\":{\"message_type\":\"heart_rate\"},\"bpm\":70}");
    }

    @Test
    void nestedTypeField_withRecordPayload_decodesTheWholeBody() {
        topicTypes.put("vitals", "heart_rate");

        DecodedMessage message =
                decode("vitals", "{\"meta\":{\"message_type\":\"x\"},\"patient_id\":\"p1\",\"bpm\":70}");

        assertThat(message.payload()).isEqualTo(new HeartRate("p1", 70));
    }

    @Test
    void nestedTypeField_withoutTopicMapping_hasNoType() {
        assertThatThrownBy(() -> decode("vitals", "{\"reading\":{\"message_type\":\"heart_rate\"}}"))
                .isInstanceOf(PayloadDecodingException.class)
                .hasMessageContaining("Cannot tell the message type of a message on topic 'vitals'")
                .hasMessageContaining("KAFKA_TOPIC_MESSAGE_TYPES");
    }

    @Test
    void typeFieldThatIsNotText_fallsBackToTopicMapping() {
        topicTypes.put("vitals", "raw_tree");

        DecodedMessage message = decode("vitals", "{\"message_type\":7,\"bpm\":70}");

        assertThat(message.messageType()).isEqualTo("raw_tree");
    }

    @Test
    void bodyThatIsAJsonArray_containingTheTypeName_usesTopicMapping() {
        topicTypes.put("vitals", "raw_tree");

        DecodedMessage message = decode("vitals", "[\"message_type\"]");

        assertThat(((JsonNode) message.payload()).isArray()).isTrue();
    }

    @Test
    void invoke_runsTheHandlerWithPayloadAndContext() throws Exception {
        List<Object> seen = new ArrayList<>();
        registry.onMessage("seen", HeartRate.class, (payload, context) -> {
            seen.add(payload);
            seen.add(context);
        });
        MessageContext context = new FixedContext();

        decode("t", "{\"message_type\":\"seen\",\"payload\":{\"bpm\":1}}").invoke(context);

        assertThat(seen).containsExactly(new HeartRate(null, 1), context);
        assertThat(context.header("h")).isEqualTo("v");
        assertThat(context.header("missing")).isNull();
    }

    @Test
    void mayNameType_findsTheQuotedFieldNameAnywhere() {
        assertThat(MessageDecoder.mayNameType(utf8("{\"message_type\":1}"))).isTrue();
        assertThat(MessageDecoder.mayNameType(utf8("x\"message_type\""))).isTrue();
        assertThat(MessageDecoder.mayNameType(utf8("{\"message_typ\":1}"))).isFalse();
        assertThat(MessageDecoder.mayNameType(utf8("message_type"))).isFalse();
        assertThat(MessageDecoder.mayNameType(new byte[0])).isFalse();
    }

    @Test
    void constructor_nulls_areRejected() {
        assertThatNullPointerException()
                .isThrownBy(() -> new MessageDecoder(null, topic -> null))
                .withMessage("registry must not be null");
        assertThatNullPointerException()
                .isThrownBy(() -> new MessageDecoder(registry, null))
                .withMessage("topicTypes must not be null");
    }

    private static final class FixedContext implements KafkaContext {
        @Override
        public String topic() {
            return "t";
        }

        @Override
        public String key() {
            return null;
        }

        @Override
        public String messageType() {
            return "seen";
        }

        @Override
        public Map<String, String> headers() {
            return Map.of("h", "v");
        }

        @Override
        public String correlationId() {
            return "c";
        }

        @Override
        public java.time.Instant timestamp() {
            return java.time.Instant.EPOCH;
        }

        @Override
        public int partition() {
            return 0;
        }

        @Override
        public long offset() {
            return 0;
        }

        @Override
        public int attempt() {
            return 1;
        }

        @Override
        public <T> java.util.concurrent.CompletionStage<T> track(java.util.concurrent.CompletionStage<T> output) {
            return output;
        }
    }

    @Test
    void envelope_withTextPayload_givesStringHandlerThePlainText() {
        DecodedMessage message = decode("any", "{\"message_type\":\"text\",\"payload\":\"hello\"}");

        assertThat(message.payload()).isEqualTo("hello");
    }

    @Test
    void mayNameType_findsTheFieldWhereverItIs_likeANaiveSearch() {
        java.util.Random random = new java.util.Random(7);
        String field = "\"message_type\"";
        String alphabet = "\"message_type:{}, 0123";
        for (int round = 0; round < 20_000; round++) {
            StringBuilder body = new StringBuilder();
            int length = random.nextInt(60);
            for (int i = 0; i < length; i++) {
                body.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (random.nextInt(3) == 0) {
                body.insert(random.nextInt(body.length() + 1), field);
            }
            String text = body.toString();
            assertThat(MessageDecoder.mayNameType(utf8(text))).as(text).isEqualTo(text.contains(field));
        }
    }
}
