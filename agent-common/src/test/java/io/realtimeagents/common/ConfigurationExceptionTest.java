package io.realtimeagents.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigurationExceptionTest {

    @Test
    void singleProblem_isOneSentence() {
        ConfigurationException e = new ConfigurationException("HTTP_PORT is wrong");

        assertThat(e)
                .hasMessage("Invalid configuration: HTTP_PORT is wrong")
                .isInstanceOf(RealtimeAgentException.class);
        assertThat(e.problems()).containsExactly("HTTP_PORT is wrong");
    }

    @Test
    void severalProblems_areListedInOrder() {
        List<String> problems = new ArrayList<>(List.of("first", "second"));

        ConfigurationException e = new ConfigurationException(problems);
        problems.add("third");

        assertThat(e).hasMessage("Invalid configuration (2 problems):\n  - first\n  - second");
        assertThat(e.problems()).containsExactly("first", "second");
        assertThatThrownBy(() -> e.problems().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void unknownTaskType_namesTypeAndSortedSupportedTypes() {
        UnknownTaskTypeException e = new UnknownTaskTypeException("x", Set.of("b", "a", "c"));

        assertThat(e).hasMessage("Unknown task type 'x': this agent supports [a, b, c]");
        assertThat(e.taskType()).isEqualTo("x");
    }

    @Test
    void payloadDecodingException_keepsMessageAndCause() {
        IllegalStateException cause = new IllegalStateException("root");

        PayloadDecodingException e = new PayloadDecodingException("bad body", cause);

        assertThat(e).hasMessage("bad body").hasCause(cause).isInstanceOf(RealtimeAgentException.class);
        assertThat(new PayloadDecodingException("no cause"))
                .hasMessage("no cause")
                .hasNoCause();
    }
}
