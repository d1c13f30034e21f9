package io.realtimeagents.agent.internal.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.junit.jupiter.api.Test;

class OffsetTrackerTest {
    @Test
    void committable_isTheLowestUnfinishedRecord_withTheRecordsDoneBeyondItInTheMetadata() {
        OffsetTracker tracker = new OffsetTracker();
        assertThat(tracker.committable()).isNull();
        for (long offset = 100; offset < 113; offset++) {
            tracker.started(offset);
        }
        for (long offset : new long[] {102, 103, 104, 105, 106, 107, 108, 109, 112, 100}) {
            tracker.done(offset);
        }

        assertThat(tracker.committable()).isEqualTo(new OffsetAndMetadata(101, "k1:1-8.b"));
        assertThat(tracker.unfinished()).isEqualTo(3);
        assertThat(tracker.doneAhead()).isEqualTo(9);

        tracker.done(101);
        assertThat(tracker.committable()).isEqualTo(new OffsetAndMetadata(110, "k1:2"));
        tracker.done(110);
        tracker.done(111);
        assertThat(tracker.committable()).isEqualTo(new OffsetAndMetadata(113));
        assertThat(tracker.doneAhead()).isZero();
    }

    @Test
    void decode_readsWhatEncodeWrote_andIgnoresMetadataThatIsNotOurs() {
        Set<Long> done = new TreeSet<>(Set.of(1_001L, 1_002L, 1_003L, 1_040L, 5_000L));
        String metadata = OffsetTracker.encode(1_000, done);

        assertThat(OffsetTracker.decode(new OffsetAndMetadata(1_000, metadata))).isEqualTo(done);
        assertThat(OffsetTracker.decode(new OffsetAndMetadata(1_000, ""))).isEmpty();
        assertThat(OffsetTracker.decode(new OffsetAndMetadata(1_000, "written by another tool")))
                .isEmpty();
        assertThat(OffsetTracker.decode(new OffsetAndMetadata(1_000, "k1:zz-!")))
                .isEmpty();
        assertThat(OffsetTracker.decode(null)).isEmpty();
    }

    @Test
    void encode_staysWithinTheBrokersMetadataLimit_droppingWhatDoesNotFit() {
        Set<Long> done = new TreeSet<>();
        for (long offset = 2; offset < 20_000; offset += 2) {
            done.add(offset); // no ranges: the worst case
        }
        String metadata = OffsetTracker.encode(0, done);

        assertThat(metadata.length()).isLessThanOrEqualTo(OffsetTracker.MAX_METADATA);
        Set<Long> decoded = OffsetTracker.decode(new OffsetAndMetadata(0, metadata));
        assertThat(done).containsAll(decoded);
        assertThat(decoded).hasSizeGreaterThan(500).contains(2L, 4L);
    }
}
