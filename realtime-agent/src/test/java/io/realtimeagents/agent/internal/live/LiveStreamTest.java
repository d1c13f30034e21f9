package io.realtimeagents.agent.internal.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.realtimeagents.agent.internal.live.LiveFrames.Kind;
import io.realtimeagents.agent.internal.live.LiveStream.Outcome;
import io.realtimeagents.common.live.SlowClientPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A replica's own broadcasts delivered at acknowledgement, and the feed reading the same partitions. */
class LiveStreamTest {
    private static final int EVENTS = 0;
    private static final int LIVE = 1;
    private static final StreamLayout LAYOUT = StreamLayout.of(
            List.of("events", "live"), List.of(new TopicPartition("events", 0), new TopicPartition("live", 0)));

    private final LiveSettings settings = new LiveSettings(
            Map.of(),
            65_536,
            100,
            Duration.ofSeconds(15),
            Duration.ofMinutes(1),
            1 << 20,
            SlowClientPolicy.CLOSE,
            Duration.ofSeconds(5),
            100,
            Duration.ofMinutes(5),
            Duration.ofSeconds(1));
    private final LiveStream stream = new LiveStream(new LiveHub(settings, new SimpleMeterRegistry()), settings);

    @AfterEach
    void release() {
        stream.close();
    }

    @Test
    void anOwnBroadcastThatIsNextInItsPartitionIsDeliveredAtOnce_andTheFeedSkipsItLater() {
        stream.startAt(LAYOUT, new long[] {0, 5});

        assertThat(stream.acceptOwn(LIVE, 5, 1_000, "ward", json(1))).isEqualTo(Outcome.DELIVERED);
        assertThat(feed(LIVE, 5, json(1))).isEqualTo(Outcome.SKIPPED);
        assertThat(feed(LIVE, 6, json(2))).isEqualTo(Outcome.DELIVERED);

        assertThat(replayedIds()).containsExactly("0_6", "0_7");
        assertThat(stream.positions()).containsExactly(0, 7);
    }

    @Test
    void anOwnBroadcastBehindRecordsOfOtherReplicasWaitsForTheFeed_soThePartitionKeepsItsOrder() {
        stream.startAt(LAYOUT, new long[] {0, 5});

        // Offset 5 came from another replica and the feed has not read it yet: 6 must not overtake it.
        assertThat(stream.acceptOwn(LIVE, 6, 1_000, "ward", json(2))).isEqualTo(Outcome.SKIPPED);
        assertThat(feed(LIVE, 5, json(1))).isEqualTo(Outcome.DELIVERED);
        assertThat(feed(LIVE, 6, json(2))).isEqualTo(Outcome.DELIVERED);
        assertThat(stream.acceptOwn(LIVE, 6, 1_000, "ward", json(2)))
                .as("an acknowledgement arriving after the feed delivered the record")
                .isEqualTo(Outcome.SKIPPED);

        assertThat(replayedIds()).containsExactly("0_6", "0_7");
    }

    @Test
    void ownBroadcastsWaitForTheFeedUntilItKnowsWhereItReads() {
        assertThat(stream.acceptOwn(LIVE, 0, 1_000, "ward", json(1))).isEqualTo(Outcome.SKIPPED);

        stream.startAt(LAYOUT, new long[] {3, 0});
        assertThat(stream.acceptOwn(LIVE, 0, 1_000, "ward", json(1))).isEqualTo(Outcome.DELIVERED);
        assertThat(stream.acceptOwn(EVENTS, 2, 1_000, "ward", json(1)))
                .as("an offset the feed has passed")
                .isEqualTo(Outcome.SKIPPED);
    }

    @Test
    void partitionsAddedLaterGetTheNextIndexes_whileIdsNameThemByTopicAndNumber() {
        stream.startAt(LAYOUT, new long[] {4, 5});
        assertThat(feed(LIVE, 5, json(1))).isEqualTo(Outcome.DELIVERED);
        String before =
                stream.replay(topic -> true, "4_5").messages().getFirst().id();

        stream.extend(List.of(new TopicPartition("live", 1), new TopicPartition("events", 1)), new long[] {0, 0});
        assertThat(stream.indexOf("live", 1)).isEqualTo(2);
        assertThat(stream.indexOf("events", 1)).isEqualTo(3);
        assertThat(stream.acceptOwn(2, 0, 1_000, "ward", json(2))).isEqualTo(Outcome.DELIVERED);
        assertThat(feed(3, 0, json(3))).isEqualTo(Outcome.DELIVERED);

        assertThat(before).isEqualTo("4_6");
        assertThat(replayedIds(before)).containsExactly("4.0_6.1", "4.1_6.1");
        assertThat(stream.positions()).containsExactly(4, 6, 1, 1);
    }

    private Outcome feed(int partition, long offset, byte[] value) {
        return stream.accept(partition, offset, 1_000, Kind.BROADCAST, "ward", value);
    }

    private List<String> replayedIds() {
        return replayedIds("0_5");
    }

    private List<String> replayedIds(String lastEventId) {
        LiveHistory.Replay replay = stream.replay(topic -> true, lastEventId);
        assertThat(replay.missed()).isFalse();
        List<String> ids = replay.messages().stream().map(LiveMessage::id).toList();
        replay.messages().forEach(LiveMessage::release);
        return ids;
    }

    private static byte[] json(int n) {
        return ("{\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8);
    }
}
