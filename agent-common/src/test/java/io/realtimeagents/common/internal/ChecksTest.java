package io.realtimeagents.common.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChecksTest {
    @Test
    void goodValues_areReturnedAsTheyAre() {
        assertThat(Checks.notNull("x", "topic")).isEqualTo("x");
        assertThat(Checks.notBlank("alerts", "topic")).isEqualTo("alerts");
        assertThat(Checks.atLeast(0, 0, "maxRetries")).isZero();
        assertThat(Checks.between(2, 0, 2, "qos")).isEqualTo(2);
        assertThat(Checks.notNegative(Duration.ZERO, "backoff")).isZero();
    }

    @Test
    void badValues_areNamedWithWhatTheyMustBeAndWhatTheyWere() {
        assertThatNullPointerException()
                .isThrownBy(() -> Checks.notNull(null, "topic"))
                .withMessage("topic must not be null");
        assertThatNullPointerException()
                .isThrownBy(() -> Checks.notBlank(null, "topic"))
                .withMessage("topic must not be null");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Checks.notBlank(" ", "topic"))
                .withMessage("topic must not be blank, was ' '");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Checks.atLeast(-1, 0, "maxRetries"))
                .withMessage("maxRetries must be at least 0, was -1");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Checks.between(3, 0, 2, "qos"))
                .withMessage("qos must be between 0 and 2, was 3");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Checks.notNegative(Duration.ofSeconds(-1), "backoff"))
                .withMessage("backoff must not be negative, was PT-1S");
    }
}
