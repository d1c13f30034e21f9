package io.realtimeagents.agent.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimeagents.agent.DeadLetterHeaders;
import io.realtimeagents.agent.internal.delivery.DeadLetterPublisher.DeadLetter;
import io.realtimeagents.agent.internal.metrics.AgentMetrics;
import io.realtimeagents.common.config.HandlerFailureStrategy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** Each strategy settles a failed message its own way; what reaches a broker is covered by the failure-strategy ITs. */
class FailureStrategyTest {
    private final List<ProducerRecord<byte[], byte[]>> sent = new CopyOnWriteArrayList<>();
    private final AgentMetrics metrics = new AgentMetrics("failure-strategy-test");
    private final DeadLetterPublisher deadLetters = new DeadLetterPublisher(
            record -> {
                sent.add(record);
                return CompletableFuture.completedFuture(null);
            },
            topic -> topic + ".dlq",
            "failure-strategy-test",
            metrics);
    private final FailStop failStop = new FailStop();
    private final StopSignal stop = new StopSignal();

    @Test
    void deadLetter_writesTheDeadLetter_andIsDone() {
        boolean done = strategy(HandlerFailureStrategy.DEAD_LETTER).failed(failure(), stop);

        assertThat(done).isTrue();
        assertThat(sent).singleElement().extracting(ProducerRecord::topic).isEqualTo("vitals.dlq");
        assertThat(stop.isStopped()).isFalse();
    }

    @Test
    void ignore_countsTheFailure_writesNothing_andIsDone() {
        boolean done = strategy(HandlerFailureStrategy.IGNORE).failed(failure(), stop);

        assertThat(done).isTrue();
        assertThat(sent).isEmpty();
        assertThat(metrics.scrape())
                .contains("realtime_records_failure_ignored_total{message_type=\"reading\",reason=\"handler\"");
        assertThat(failStop.failure()).isNull();
    }

    @Test
    void failStop_stopsConsuming_writesNothing_andLeavesTheMessageToBeDeliveredAgain() {
        boolean done = strategy(HandlerFailureStrategy.FAIL_STOP).failed(failure(), stop);

        assertThat(done).isFalse();
        assertThat(sent).isEmpty();
        assertThat(stop.isStopped()).isTrue();
        assertThat(failStop.failure())
                .hasMessageContaining("record vitals-0@42")
                .hasMessageContaining("HANDLER_FAILURE_STRATEGY=fail-stop");
    }

    private FailureStrategy strategy(HandlerFailureStrategy setting) {
        return FailureStrategy.of(setting, deadLetters, metrics, failStop);
    }

    private static DeadLetter failure() {
        return new DeadLetter(
                new Message(), "reading", DeadLetterHeaders.REASON_HANDLER, new IllegalStateException("boom"), 3);
    }

    /** A Kafka record as the dispatcher sees it. */
    private static final class Message implements InboundMessage {
        @Override
        public String transport() {
            return "kafka";
        }

        @Override
        public String topic() {
            return "vitals";
        }

        @Override
        public String metricsTopic() {
            return "vitals";
        }

        @Override
        public byte[] key() {
            return "p1".getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public byte[] value() {
            return "{}".getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String header(String name) {
            return null;
        }

        @Override
        public void forEachHeader(BiConsumer<String, byte[]> consumer) {}

        @Override
        public Map<String, String> origin() {
            return Map.of();
        }

        @Override
        public String describe() {
            return "record vitals-0@42";
        }
    }
}
