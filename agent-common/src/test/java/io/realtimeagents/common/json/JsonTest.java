package io.realtimeagents.common.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.realtimeagents.common.PayloadDecodingException;
import io.realtimeagents.common.RealtimeAgentException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonTest {

    record Reading(String patientId, int heartRate, Instant measuredAt, List<String> tags) {}

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void encode_record_usesSnakeCaseAndIsoTimestamps() {
        Reading reading = new Reading("p-1", 72, Instant.parse("2024-01-15T10:30:00Z"), List.of("rest"));

        String json = Json.encodeToString(reading);

        assertThat(json)
                .isEqualTo("{\"patient_id\":\"p-1\",\"heart_rate\":72,\"measured_at\":\"2024-01-15T10:30:00Z\","
                        + "\"tags\":[\"rest\"]}");
        assertThat(new String(Json.encode(reading), StandardCharsets.UTF_8)).isEqualTo(json);
    }

    @Test
    void decode_snakeCaseJson_intoRecord() {
        Reading reading = Json.decode(
                utf8("{\"patient_id\":\"p-1\",\"heart_rate\":72,\"measured_at\":\"2024-01-15T10:30:00.5Z\"}"),
                Reading.class);

        assertThat(reading).isEqualTo(new Reading("p-1", 72, Instant.parse("2024-01-15T10:30:00.500Z"), null));
    }

    @Test
    void decode_unknownFields_areIgnored() {
        Reading reading = Json.decode(
                utf8("{\"patient_id\":\"p-1\",\"added_later\":{\"x\":[1,2]},\"heart_rate\":60}"), Reading.class);

        assertThat(reading.patientId()).isEqualTo("p-1");
        assertThat(reading.heartRate()).isEqualTo(60);
    }

    @Test
    void roundTrip_keepsEveryField() {
        Reading reading = new Reading("p-2", 90, Instant.parse("2024-01-15T10:30:00.123456789Z"), List.of("a", "b"));

        assertThat(Json.decode(Json.encode(reading), Reading.class)).isEqualTo(reading);
    }

    @ParameterizedTest
    @CsvSource({
        "2024-01-15T10:30:00Z, 2024-01-15T10:30:00Z",
        "2024-01-15T12:30:00+02:00, 2024-01-15T10:30:00Z",
        "2024-01-15T10:30:00.123456+00:00, 2024-01-15T10:30:00.123456Z",
        "2024-01-15T10:30:00.123456, 2024-01-15T10:30:00.123456Z",
        "2024-01-15 10:30:00, 2024-01-15T10:30:00Z",
        "1705314600, 2024-01-15T10:30:00Z",
        "1705314600.25, 2024-01-15T10:30:00.250Z"
    })
    void decode_timestampsAsProducersWriteThem(String text, String expected) {
        Reading reading = Json.decode(utf8("{\"measured_at\":\"" + text + "\"}"), Reading.class);

        assertThat(reading.measuredAt()).isEqualTo(Instant.parse(expected));
    }

    @Test
    void decode_numericTimestamp_isEpochSeconds() {
        Reading reading = Json.decode(utf8("{\"measured_at\":1705314600.5}"), Reading.class);

        assertThat(reading.measuredAt()).isEqualTo(Instant.parse("2024-01-15T10:30:00.500Z"));
    }

    @Test
    void decode_unreadableTimestamp_namesTheValueAndExpectedFormat() {
        assertThatThrownBy(() -> Json.decode(utf8("{\"measured_at\":\"yesterday\"}"), Reading.class))
                .isInstanceOf(PayloadDecodingException.class)
                .hasMessageContaining("Cannot decode the payload as Reading")
                .hasMessageContaining("yesterday")
                .hasMessageContaining("expected an ISO-8601 timestamp");
    }

    @Test
    void decode_malformedJson_namesLineAndColumn() {
        assertThatThrownBy(() -> Json.decode(utf8("{\n  \"patient_id\": oops\n}"), Reading.class))
                .isInstanceOf(PayloadDecodingException.class)
                .hasMessageStartingWith("Cannot decode the payload as Reading: ")
                .hasMessageContaining("(line 2, column ")
                .hasMessageContaining("oops");
    }

    @Test
    void decode_wrongShape_namesTheField() {
        assertThatThrownBy(() -> Json.decode(utf8("{\"heart_rate\":\"fast\"}"), Reading.class))
                .isInstanceOf(PayloadDecodingException.class)
                .hasMessageContaining("Cannot decode the payload as Reading")
                .hasMessageContaining("fast")
                .hasMessageContaining("line 1, column");
    }

    @Test
    void tree_malformedJson_namesLineAndColumn() {
        assertThatThrownBy(() -> Json.tree(utf8("[1, 2,, 3]")))
                .isInstanceOf(PayloadDecodingException.class)
                .hasMessageStartingWith("Malformed JSON: ")
                .hasMessageContaining("(line 1, column 7)");
    }

    @Test
    void tree_emptyOrBlankBody_saysItIsEmpty() {
        assertThatThrownBy(() -> Json.tree(new byte[0]))
                .isInstanceOf(PayloadDecodingException.class)
                .hasMessage("Malformed JSON: the body is empty");
        assertThatThrownBy(() -> Json.tree(utf8("  \n ")))
                .isInstanceOf(PayloadDecodingException.class)
                .hasMessage("Malformed JSON: the body is empty");
    }

    @Test
    void tree_validJson_isParsed() {
        JsonNode node = Json.tree(utf8("{\"a\":{\"b\":[1,2]}}"));

        assertThat(node.at("/a/b/1").asInt()).isEqualTo(2);
    }

    @Test
    void convert_treeAndMap_intoRecord() {
        Reading fromTree = Json.convert(Json.tree(utf8("{\"patient_id\":\"p\",\"heart_rate\":1}")), Reading.class);
        Reading fromMap = Json.convert(Map.of("patient_id", "p", "heart_rate", 1), Reading.class);

        assertThat(fromTree).isEqualTo(new Reading("p", 1, null, null)).isEqualTo(fromMap);
    }

    @Test
    void convert_wrongShape_failsAsDecodingError() {
        assertThatThrownBy(() -> Json.convert(Map.of("heart_rate", "fast"), Reading.class))
                .isInstanceOf(PayloadDecodingException.class)
                .hasMessageContaining("Cannot decode the payload as Reading")
                .hasMessageContaining("fast");
        assertThatThrownBy(() -> Json.convert(Json.tree(utf8("{\"heart_rate\":[1]}")), Reading.class))
                .isInstanceOf(PayloadDecodingException.class)
                .hasMessageContaining("Cannot decode the payload as Reading");
    }

    @Test
    void encode_unencodableValue_namesTheType() {
        Object selfReferencing = new Object() {
            public Object getSelf() {
                return this;
            }
        };

        assertThatThrownBy(() -> Json.encode(selfReferencing))
                .isInstanceOf(RealtimeAgentException.class)
                .hasMessageStartingWith("Cannot encode a ")
                .hasMessageContaining("as JSON");
        assertThatThrownBy(() -> Json.encodeToString(selfReferencing))
                .isInstanceOf(RealtimeAgentException.class)
                .hasMessageStartingWith("Cannot encode a ");
    }

    @Test
    void newMapper_isIndependentOfTheSharedMapperButFollowsTheSameConventions() {
        assertThat(Json.newMapper()).isNotSameAs(Json.mapper());
        assertThat(Json.mapper()).isSameAs(Json.mapper());
        Reading reading = new Reading("p", 1, Instant.EPOCH, List.of());

        assertThat(Json.newMapper().valueToTree(reading).toString())
                .isEqualTo(Json.encodeToString(reading))
                .contains("\"measured_at\":\"1970-01-01T00:00:00Z\"");
    }
}
