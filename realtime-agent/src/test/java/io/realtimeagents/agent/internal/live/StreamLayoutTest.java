package io.realtimeagents.agent.internal.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class StreamLayoutTest {
    private static final List<String> TOPICS = List.of("events", "live");
    private static final StreamLayout TWO_AND_ONE = StreamLayout.of(
            TOPICS,
            List.of(new TopicPartition("events", 0), new TopicPartition("events", 1), new TopicPartition("live", 0)));

    @Test
    void idsListEachTopicsPartitionsByNumber_whateverTheOrderTheyWereLearntIn() {
        StreamLayout learntLater = StreamLayout.of(
                        TOPICS, List.of(new TopicPartition("events", 0), new TopicPartition("live", 0)))
                .with(List.of(new TopicPartition("events", 1)));

        assertThat(TWO_AND_ONE.format(new long[] {7, 9, 12})).isEqualTo("7.9_12");
        assertThat(learntLater.format(new long[] {7, 12, 9})).isEqualTo("7.9_12");
        assertThat(learntLater.parse("7.9_12")).isEqualTo(StreamPosition.of(new long[] {7, 12, 9}));
        assertThat(learntLater.indexOf("events", 1)).isEqualTo(2);
        assertThat(learntLater.indexOf("live", 1)).isEqualTo(-1);
    }

    @Test
    void anIdFromBeforePartitionsWereAdded_hasSeenNoneOfTheirMessages() {
        assertThat(TWO_AND_ONE.parse("7_12")).isEqualTo(StreamPosition.of(new long[] {7, 0, 12}));
        assertThat(TWO_AND_ONE.missing(List.of(
                        new TopicPartition("events", 0), new TopicPartition("live", 0), new TopicPartition("live", 1))))
                .containsExactly(new TopicPartition("live", 1));
    }

    @Test
    void anIdOfAReplicaThatLearntOfAddedPartitionsFirst_isAPositionWhenItReadNothingOfThem() {
        assertThat(TWO_AND_ONE.parse("7.9.0_12.0.0")).isEqualTo(StreamPosition.of(new long[] {7, 9, 12}));
    }

    @Test
    void idsOfTheEarlierFormAreReadWhenTheyListEveryPartition() {
        assertThat(TWO_AND_ONE.parse("7.9.12")).isEqualTo(StreamPosition.of(new long[] {7, 9, 12}));
        assertThat(TWO_AND_ONE.parse("7.12")).isNull();
    }

    @Test
    void idsOfAnotherStreamOrGarbageAreNotPositions() {
        assertThat(TWO_AND_ONE.parse("7.9.1_12"))
                .as("more partitions than the topic has")
                .isNull();
        assertThat(TWO_AND_ONE.parse("7_12_3")).isNull();
        assertThat(TWO_AND_ONE.parse("7.x_12")).isNull();
        assertThat(TWO_AND_ONE.parse("-1_12")).isNull();
        assertThat(TWO_AND_ONE.parse("_12")).isNull();
        assertThat(TWO_AND_ONE.parse(" ")).isNull();
        assertThat(TWO_AND_ONE.parse(null)).isNull();
    }

    @Test
    void aSingleTopicLayoutHasPlainIds() {
        StreamLayout local = StreamLayout.of(List.of("local"), List.of(new TopicPartition("local", 0)));
        assertThat(local.format(new long[] {5})).isEqualTo("5");
        assertThat(local.parse("5")).isEqualTo(StreamPosition.of(new long[] {5}));
    }

    @Test
    void aPartitionOfAnotherTopicOrListedTwiceIsRefused() {
        assertThatThrownBy(() -> StreamLayout.of(TOPICS, List.of(new TopicPartition("other", 0))))
                .hasMessageContaining("other-0");
        assertThatThrownBy(() -> TWO_AND_ONE.with(List.of(new TopicPartition("live", 0))))
                .hasMessageContaining("live-0");
    }
}
