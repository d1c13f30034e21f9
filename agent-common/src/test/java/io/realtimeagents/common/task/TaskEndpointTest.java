package io.realtimeagents.common.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TaskEndpointTest {

    @ParameterizedTest
    @ValueSource(strings = {"/analyze", "/analyze-health", "/v1/process_vitals", "/a.b~c", "/healthcheck", "/wsx"})
    void validPath_isAccepted(String path) {
        TaskEndpoint endpoint = new TaskEndpoint(path, "analyze");

        assertThat(endpoint.path()).isEqualTo(path);
        assertThat(endpoint.taskType()).isEqualTo("analyze");
    }

    @ParameterizedTest
    @ValueSource(strings = {"analyze", "/", "/analyze/", "//analyze", "/ana lyze", "/a?b=c", "", "/{id}"})
    void badPath_failsWithTheRuleAndAnExample(String path) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TaskEndpoint(path, "analyze"))
                .withMessage("Invalid task endpoint path '" + path
                        + "': use segments of letters, digits, '.', '_', '~' or '-', starting with '/', e.g."
                        + " '/analyze'");
    }

    @Test
    void reservedHealthPath_isRejectedNamingTheCollision() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TaskEndpoint("/health", "analyze"))
                .withMessage("Task endpoint path '/health' collides with the framework's /health endpoints:"
                        + " choose another path");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/metrics/x",
                "/health/ready",
                "/realtime/status",
                "/ws",
                "/ws/health",
                "/stream/events",
                "/tasks"
            })
    void pathsUnderReservedPrefixes_areRejected(String path) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TaskEndpoint(path, "analyze"))
                .withMessageStartingWith("Task endpoint path '" + path + "' collides with the framework's /")
                .withMessageEndingWith("endpoints: choose another path");
    }

    @Test
    void metricsSubPath_namesMetrics() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TaskEndpoint("/metrics/x", "analyze"))
                .withMessageContaining("collides with the framework's /metrics endpoints");
    }

    @Test
    void blankTaskType_isRejectedNamingThePath() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TaskEndpoint("/analyze", " "))
                .withMessage("Task endpoint /analyze needs a task type");
    }

    @Test
    void nulls_areRejectedByName() {
        assertThatNullPointerException()
                .isThrownBy(() -> new TaskEndpoint(null, "a"))
                .withMessage("path must not be null");
        assertThatNullPointerException()
                .isThrownBy(() -> new TaskEndpoint("/a", null))
                .withMessage("taskType must not be null");
    }
}
