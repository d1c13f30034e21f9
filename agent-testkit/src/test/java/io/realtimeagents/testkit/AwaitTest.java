package io.realtimeagents.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AwaitTest {

    @Test
    void await_conditionBecomesTrue_returnsAfterPolling() {
        AtomicInteger calls = new AtomicInteger();

        Await.await(Duration.ofSeconds(5), "the third call", () -> calls.incrementAndGet() >= 3);

        assertThat(calls).hasValue(3);
    }

    @Test
    void await_conditionStaysFalse_failsNamingDescriptionAndTimeout() {
        assertThatThrownBy(() -> Await.await(Duration.ofMillis(100), "the moon to turn blue", () -> false))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Timed out after 100 ms waiting for the moon to turn blue.");
    }

    @Test
    void await_negativeTimeout_isRejectedWithTheBadValue() {
        assertThatThrownBy(() -> Await.await(Duration.ofMillis(-1), "anything", () -> true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid value PT-0.001S for timeout: must be positive");
    }
}
