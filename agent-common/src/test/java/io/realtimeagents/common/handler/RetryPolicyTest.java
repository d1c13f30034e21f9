package io.realtimeagents.common.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final RetryPolicy THREE = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofMillis(350));

    @Test
    void shouldRetry_untilMaxRetriesFailedRetries() {
        assertThat(THREE.shouldRetry(1)).isTrue();
        assertThat(THREE.shouldRetry(3)).isTrue();
        assertThat(THREE.shouldRetry(4)).isFalse();
        assertThat(THREE.shouldRetry(100)).isFalse();
    }

    @Test
    void shouldRetry_zeroRetries_neverRetries() {
        assertThat(new RetryPolicy(0, Duration.ZERO, Duration.ZERO).shouldRetry(1))
                .isFalse();
    }

    @Test
    void backoffAfter_doublesEachAttemptAndIsCappedAtMax() {
        assertThat(THREE.backoffAfter(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(THREE.backoffAfter(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(THREE.backoffAfter(3)).isEqualTo(Duration.ofMillis(350));
        assertThat(THREE.backoffAfter(10)).isEqualTo(Duration.ofMillis(350));
    }

    @Test
    void backoffAfter_manyAttempts_doesNotOverflow() {
        RetryPolicy policy = new RetryPolicy(1000, Duration.ofDays(1), Duration.ofDays(7));

        assertThat(policy.backoffAfter(1000)).isEqualTo(Duration.ofDays(7));
        assertThat(policy.backoffAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void backoffAfter_attemptZeroOrLess_isTheInitialBackoff() {
        assertThat(THREE.backoffAfter(0)).isEqualTo(Duration.ofMillis(100));
        assertThat(THREE.backoffAfter(-5)).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void default_isThreeRetriesFrom200ms() {
        assertThat(RetryPolicy.DEFAULT.maxRetries()).isEqualTo(3);
        assertThat(RetryPolicy.DEFAULT.backoffAfter(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(RetryPolicy.DEFAULT.backoffAfter(2)).isEqualTo(Duration.ofMillis(400));
        assertThat(RetryPolicy.DEFAULT.backoffAfter(3)).isEqualTo(Duration.ofMillis(800));
        assertThat(RetryPolicy.DEFAULT.maxBackoff()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void negativeRetries_isRejectedWithTheValue() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetryPolicy(-1, Duration.ZERO, Duration.ZERO))
                .withMessage("maxRetries must be at least 0, was -1");
    }

    @Test
    void negativeBackoffs_areRejectedWithTheValue() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetryPolicy(1, Duration.ofMillis(-1), Duration.ZERO))
                .withMessage("initialBackoff must not be negative, was PT-0.001S");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetryPolicy(1, Duration.ZERO, Duration.ofSeconds(-2)))
                .withMessage("maxBackoff must not be negative, was PT-2S");
    }

    @Test
    void maxShorterThanInitial_isRejectedWithBothValues() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetryPolicy(1, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .withMessage("maxBackoff (PT1S) must not be shorter than initialBackoff (PT2S)");
    }

    @Test
    void nullBackoffs_areRejectedByName() {
        assertThatNullPointerException()
                .isThrownBy(() -> new RetryPolicy(1, null, Duration.ZERO))
                .withMessage("initialBackoff must not be null");
        assertThatNullPointerException()
                .isThrownBy(() -> new RetryPolicy(1, Duration.ZERO, null))
                .withMessage("maxBackoff must not be null");
    }
}
