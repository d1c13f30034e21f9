package io.realtimeagents.agent.internal.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.Test;

class LiveFeedHealthTest {
    private final LiveFeedHealth health = new LiveFeedHealth();

    @Test
    void aStartingFeedIsNotUpButNoProblem_aReadingOneIsUp() {
        assertThat(health.up()).isFalse();
        assertThat(health.problems()).isEmpty();

        health.reading();

        assertThat(health.up()).isTrue();
        assertThat(health.problems()).isEmpty();
    }

    @Test
    void whileDownTheProblemNamesSinceWhenTheErrorAndItsCauseAndTheRestart() {
        health.reading();
        health.failed(new KafkaException("poll failed", new IllegalStateException("no route")), 60_000);
        Object since = health.health().get("down_since");

        assertThat(health.up()).isFalse();
        assertThat(health.problems())
                .singleElement()
                .asString()
                .startsWith("the live feed is down since " + since + ": KafkaException: poll failed: no route")
                .containsPattern("; restarting in \\d+ ms$");

        health.restarting();
        health.failed(new IllegalStateException("still failing"), 0);
        assertThat(health.health().get("down_since"))
                .as("down since the first failure")
                .isEqualTo(since);
        assertThat(health.problems().getFirst()).endsWith(": IllegalStateException: still failing; restarting");
        assertThat(health.restarts()).isEqualTo(1);

        health.reading();
        assertThat(health.problems()).isEmpty();
        assertThat(health.health()).containsOnlyKeys("up", "restarts");
    }
}
