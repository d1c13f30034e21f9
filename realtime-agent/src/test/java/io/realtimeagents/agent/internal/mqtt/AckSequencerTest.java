package io.realtimeagents.agent.internal.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimeagents.agent.internal.mqtt.AckSequencer.Ticket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class AckSequencerTest {
    private final List<Integer> acknowledged = new CopyOnWriteArrayList<>();
    private final AckSequencer sequencer = new AckSequencer((id, qos) -> acknowledged.add(id));

    @Test
    void messagesFinishedOutOfOrder_areAcknowledgedInArrivalOrder() {
        Ticket first = sequencer.register(1, 1, "t");
        Ticket second = sequencer.register(2, 1, "t");
        Ticket third = sequencer.register(3, 2, "t");

        sequencer.finished(third);
        sequencer.finished(second);
        assertThat(acknowledged).isEmpty();
        assertThat(sequencer.unacknowledged()).isEqualTo(3);

        sequencer.finished(first);
        assertThat(acknowledged).containsExactly(1, 2, 3);
        assertThat(sequencer.unacknowledged()).isZero();
    }

    @Test
    void qos0Messages_needNoAcknowledgement_andDoNotHoldOthersBack() {
        Ticket atMostOnce = sequencer.register(0, 0, "t");
        Ticket atLeastOnce = sequencer.register(7, 1, "t");

        sequencer.finished(atLeastOnce);
        sequencer.finished(atMostOnce);

        assertThat(acknowledged).containsExactly(7);
    }

    @Test
    void afterAConnectionLoss_itsMessagesAreNeverAcknowledged_andTheirWorkIsStopped() {
        Ticket old = sequencer.register(1, 1, "t");
        sequencer.connectionLost();
        Ticket fresh = sequencer.register(1, 1, "t");

        assertThat(old.stop().isStopped()).isTrue();
        assertThat(fresh.stop().isStopped()).isFalse();
        sequencer.finished(old);
        assertThat(acknowledged).isEmpty();
        sequencer.finished(fresh);
        assertThat(acknowledged).containsExactly(1);
    }

    @Test
    void aFailingAcknowledgement_doesNotStopTheOnesAfterIt() {
        List<Integer> sent = new CopyOnWriteArrayList<>();
        AckSequencer failingFirst = new AckSequencer((id, qos) -> {
            sent.add(id);
            if (id == 1) {
                throw new IllegalStateException("not connected");
            }
        });
        Ticket first = failingFirst.register(1, 1, "t");
        Ticket second = failingFirst.register(2, 1, "t");

        failingFirst.finished(second);
        failingFirst.finished(first);

        assertThat(sent).containsExactly(1, 2);
    }

    @Test
    void oldest_isTheFirstArrivedMessageStillUnacknowledged() {
        assertThat(sequencer.oldest()).isNull();
        Ticket first = sequencer.register(1, 1, "a/1");
        Ticket second = sequencer.register(2, 1, "a/2");
        sequencer.register(3, 0, "a/3");

        assertThat(sequencer.oldest().topic()).isEqualTo("a/1");
        assertThat(sequencer.oldest().age().isNegative()).isFalse();
        sequencer.finished(second);
        assertThat(sequencer.oldest().messageId())
                .as("finished but behind an unfinished one")
                .isEqualTo(1);
        sequencer.finished(first);
        assertThat(sequencer.oldest()).as("QoS 0 needs no acknowledgement").isNull();
    }
}
