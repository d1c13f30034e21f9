package io.realtimeagents.benchmarks.kafka;

import com.fasterxml.jackson.databind.ObjectReader;
import io.confluent.parallelconsumer.ParallelConsumerOptions;
import io.confluent.parallelconsumer.ParallelConsumerOptions.CommitMode;
import io.confluent.parallelconsumer.ParallelConsumerOptions.ProcessingOrder;
import io.confluent.parallelconsumer.ParallelStreamProcessor;
import io.realtimeagents.common.json.Json;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * The baseline of the {@code kafka-io} benchmark: Confluent Parallel Consumer in key order ({@code ProcessingOrder.KEY})
 * with {@code maxConcurrency} worker threads, committing asynchronously as it does by default, its consumer configured
 * like the agent's where that matters for speed ({@code max.poll.records=1000}, {@code fetch.max.wait.ms=50}). Each
 * record's value is decoded into a {@link Reading} with the agent's shared mapper before the handler gets it.
 */
final class ParallelConsumerContender implements IoContender {
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final int maxConcurrency;
    private final ObjectReader reader = Json.mapper().readerFor(Reading.class);

    ParallelConsumerContender(String bootstrapServers, int maxConcurrency) {
        this.bootstrapServers = bootstrapServers;
        this.maxConcurrency = maxConcurrency;
    }

    @Override
    public String name() {
        return "parallel-consumer";
    }

    @Override
    public AutoCloseable start(String topic, String groupId, ReadingHandler handler) {
        ParallelConsumerOptions<byte[], byte[]> options = ParallelConsumerOptions.<byte[], byte[]>builder()
                .consumer(new KafkaConsumer<>(properties(groupId)))
                .ordering(ProcessingOrder.KEY)
                .maxConcurrency(maxConcurrency)
                .commitMode(CommitMode.PERIODIC_CONSUMER_ASYNCHRONOUS)
                .build();
        ParallelStreamProcessor<byte[], byte[]> processor = ParallelStreamProcessor.createEosStreamProcessor(options);
        processor.subscribe(List.of(topic));
        processor.poll(context -> {
            try {
                handler.handle(reader.readValue(context.value()));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot decode a reading: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while handling a reading", e);
            } catch (Exception e) {
                throw new IllegalStateException("The handler failed: " + e, e);
            }
        });
        return () -> processor.closeDontDrainFirst(CLOSE_TIMEOUT);
    }

    @Override
    public String consumerClientId(String groupId) {
        return groupId;
    }

    private Map<String, Object> properties(String groupId) {
        Map<String, Object> properties = PlainConsumerContender.properties(bootstrapServers, groupId);
        properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        return properties;
    }
}
