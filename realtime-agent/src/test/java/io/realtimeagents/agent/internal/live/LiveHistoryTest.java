package io.realtimeagents.agent.internal.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.realtimeagents.agent.internal.live.LiveMessage.MessageOrigin;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

class LiveHistoryTest {
    private final LongAdder retained = new LongAdder();
    private long sequence;

    private LiveMessage message(String topic, int partition, long offset) {
        return new LiveMessage(
                new MessageOrigin(++sequence, partition, offset),
                topic,
                "id-" + sequence,
                Unpooled.buffer(10).writeZero(10),
                Unpooled.buffer(20).writeZero(20),
                retained);
    }

    private static List<String> ids(LiveHistory.Replay replay) {
        List<String> ids = replay.messages().stream().map(LiveMessage::id).toList();
        replay.messages().forEach(LiveMessage::release);
        return ids;
    }

    @Test
    void replayReturnsTheMessagesAfterThePositionInArrivalOrder_acrossPartitions() {
        LiveHistory history = new LiveHistory(10, 60_000, 2);
        history.startedAt(new long[] {0, 0});
        for (LiveMessage m : List.of(message("a", 0, 0), message("a", 1, 0), message("a", 0, 1), message("b", 1, 1))) {
            history.add(m);
            m.release();
        }

        LiveHistory.Replay replay = history.replay("a"::equals, StreamPosition.of(new long[] {1, 0}));

        assertThat(ids(replay)).containsExactly("id-2", "id-3");
        assertThat(replay.missed()).isFalse();
        assertThat(replay.upToSequence()).isEqualTo(4);
    }

    @Test
    void aPositionBeforeWhatWasEvictedOrBeforeTheStartIsReportedAsMissed() {
        LiveHistory history = new LiveHistory(2, 60_000, 1);
        history.startedAt(new long[] {5});
        for (long offset = 5; offset < 9; offset++) {
            LiveMessage m = message("a", 0, offset);
            history.add(m);
            m.release();
        }

        LiveHistory.Replay evicted = history.replay("a"::equals, StreamPosition.of(new long[] {6}));
        assertThat(evicted.missed()).isTrue();
        assertThat(ids(evicted)).containsExactly("id-3", "id-4");
        LiveHistory.Replay kept = history.replay("a"::equals, StreamPosition.of(new long[] {7}));
        assertThat(kept.missed()).isFalse();
        assertThat(ids(kept)).containsExactly("id-3", "id-4");
        assertThat(history.replay("a"::equals, StreamPosition.of(new long[] {4}))
                        .missed())
                .isTrue();
        assertThat(history.replay("a"::equals, null).missed()).isTrue();
    }

    @Test
    void evictedAndClearedMessagesAreReleased() {
        LiveHistory history = new LiveHistory(1, 60_000, 1);
        history.startedAt(new long[] {0});
        LiveMessage first = message("a", 0, 0);
        LiveMessage second = message("a", 0, 1);
        history.add(first);
        first.release();
        history.add(second);
        second.release();

        assertThat(first.refCnt()).isZero();
        assertThat(retained.sum()).isEqualTo(30);
        history.clear();
        assertThat(second.refCnt()).isZero();
        assertThat(retained.sum()).isZero();
    }

    @Test
    void partitionsAddedLaterJoinAtTheNextIndexes_andAPositionWithoutThemHasSeenNoneOfThem() {
        LiveHistory history = new LiveHistory(10, 60_000, 1);
        history.startedAt(new long[] {3});
        LiveMessage before = message("a", 0, 3);
        history.add(before);
        before.release();
        history.extend(new long[] {0});
        LiveMessage added = message("a", 1, 0);
        history.add(added);
        added.release();

        LiveHistory.Replay replay = history.replay("a"::equals, StreamPosition.of(new long[] {3}));

        assertThat(ids(replay)).containsExactly("id-1", "id-2");
        assertThat(replay.missed()).isFalse();
        assertThat(history.replay("a"::equals, StreamPosition.of(new long[] {4, 1}))
                        .messages())
                .isEmpty();
        history.clear();
    }
}
