package io.realtimeagents.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.realtimeagents.common.ConfigurationException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TypesTest {

    @ParameterizedTest
    @CsvSource({
        "250ms, PT0.25S",
        "250, PT0.25S",
        "10s, PT10S",
        "10 s, PT10S",
        "5m, PT5M",
        "1h, PT1H",
        "2H, PT2H",
        "PT10S, PT10S",
        "pt1m, PT1M",
        "0, PT0S"
    })
    void duration_supportedSpellings_parse(String text, String expected) {
        assertThat(Types.duration(text)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "10 seconds", "-5s", "1.5s", ""})
    void duration_unsupportedSpelling_failsWithExamples(String text) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Types.duration(text))
                .withMessage("expected a duration such as 250ms, 10s, 5m or PT10S");
    }

    @ParameterizedTest
    @ValueSource(strings = {"9999999999999999h", "99999999999999999999s"})
    void duration_tooLong_failsAsInvalidValueNotArithmeticError(String text) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Types.duration(text))
                .withMessage("too long for a duration");
    }

    @Test
    void duration_tooLongInConfiguration_isReportedWithOtherProblems() {
        ConfigurationException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                ConfigurationException.class,
                () -> AgentConfig.builder()
                        .parse(AgentSettings.HANDLER_RETRY_BACKOFF, "9999999999999999h", "environment variable X")
                        .build());

        assertThat(e.problems())
                .hasSize(2)
                .anySatisfy(p -> assertThat(p).contains("HANDLER_RETRY_BACKOFF").contains("too long for a duration"));
    }

    @ParameterizedTest
    @CsvSource({"true, true", "YES, true", "on, true", "1, true", "false, false", "No, false", "off, false", "0, false"
    })
    void bool_acceptedSpellings_parse(String text, boolean expected) {
        assertThat(Types.bool(text)).isEqualTo(expected);
    }

    @Test
    void bool_otherText_failsSayingWhatIsExpected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Types.bool("maybe"))
                .withMessage("expected true or false");
    }

    @Test
    void integer_notANumber_failsSayingWhatIsExpected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Types.integer("12345678901"))
                .withMessage("expected a whole number");
    }

    @Test
    void list_dropsBlanksAndTrims() {
        assertThat(Types.list(" a, ,b ,,c")).containsExactly("a", "b", "c");
        assertThat(Types.list("")).isEmpty();
    }

    @Test
    void map_parsesPairsAndKeepsEqualsInValues() {
        assertThat(Types.map("a = x, b=y=z")).isEqualTo(Map.of("a", "x", "b", "y=z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "=x", "a="})
    void map_incompletePair_namesIt(String item) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Types.map("ok=1," + item))
                .withMessage("expected key=value pairs separated by commas, found '" + item + "'");
    }

    @Test
    void hostPorts_acceptsHostnamesAddressesAndBracketedIpv6() {
        assertThat(Types.hostPorts(List.of("localhost:9092", "10.0.0.1:1", "[::1]:65535", "kafka-0.kafka:9093")))
                .isNull();
    }

    @Test
    void hostPorts_portZero_isOutOfRange() {
        assertThat(Types.hostPorts(List.of("host:0"))).isEqualTo("'host:0' has port 0, outside 1-65535");
    }

    @Test
    void topicProblem_acceptsKafkaNamesAndRejectsOthers() {
        assertThat(Types.topicProblem("health.vitals_v1-eu")).isNull();
        assertThat(Types.topicProblem("a".repeat(249))).isNull();
        assertThat(Types.topicProblem("a".repeat(250))).contains("is not a valid Kafka topic name");
        assertThat(Types.topicProblem("."))
                .isEqualTo("'.' is not a valid Kafka topic name (1-249 of a-z A-Z 0-9 . _ -)");
        assertThat(Types.topicProblem("")).contains("is not a valid Kafka topic name");
    }

    @Test
    void url_requiresHttpSchemeAndHost() {
        assertThat(Types.url("https://metabase.example:3000/path")).isNull();
        assertThat(Types.url(null)).isNull();
        assertThat(Types.url("metabase:3000")).isEqualTo("must be an http:// or https:// URL with a host");
        assertThat(Types.url("http://exa mple")).isEqualTo("is not a URL");
    }

    @Test
    void unhandledMessagePolicy_parsesConfigurationSpelling() {
        assertThat(UnhandledMessagePolicy.parse(" Dead-Letter ")).isEqualTo(UnhandledMessagePolicy.DEAD_LETTER);
        assertThat(UnhandledMessagePolicy.DEAD_LETTER.text()).isEqualTo("dead-letter");
        assertThat(UnhandledMessagePolicy.IGNORE.text()).isEqualTo("ignore");
    }

    @Test
    void bytes_acceptsPlainNumbersAndBinaryUnits() {
        assertThat(Types.bytes("1048576")).isEqualTo(1048576);
        assertThat(Types.bytes("512KiB")).isEqualTo(512 * 1024);
        assertThat(Types.bytes("512K")).isEqualTo(512 * 1024);
        assertThat(Types.bytes("4MiB")).isEqualTo(4 * 1024 * 1024);
        assertThat(Types.bytes("4mb")).isEqualTo(4 * 1024 * 1024);
        assertThat(Types.bytes("1GiB")).isEqualTo(1024 * 1024 * 1024);
    }

    @Test
    void bytes_rejectsOtherTextAndSizesBeyondTwoGiB() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> Types.bytes("four megabytes"))
                .withMessageContaining("expected a size in bytes such as 1048576, 512KiB or 4MiB");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> Types.bytes("3GiB"))
                .withMessageContaining("at most 2GiB");
    }
}
