package io.realtimeagents.benchmarks.soak;

import io.realtimeagents.agent.RealtimeAgent;
import io.realtimeagents.common.model.EventType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The soak's agent. A Kafka input ({@link SoakTopics#INPUT}) gives two outputs: a record of {@link SoakTopics#OUTPUT}
 * and an event on the events topic; an MQTT input on {@code soak/handled/+} gives a record of {@link
 * SoakTopics#OUTPUT}; MQTT inputs on {@code soak/bridged/{id}} are bridged to {@link SoakTopics#BRIDGED} by
 * configuration, with no handler. The handlers never wait for their outputs: the delivery contract holds the offset
 * (or the MQTT acknowledgement) until the broker acknowledged them.
 *
 * <p>When the flag file exists, the next Kafka handler call deletes it and blocks for the slow time: the soak's "slow
 * handler" fault.
 */
final class SoakAgent extends RealtimeAgent {
    /** Message type of the Kafka inputs. */
    static final String KAFKA_TYPE = "soak_input";
    /** Message type of the handled MQTT inputs. */
    static final String MQTT_TYPE = "soak_mqtt";
    /** Event type of the events the Kafka handler emits. */
    static final EventType EVENT_TYPE = EventType.of("soak_output");

    private final String replica;
    private final Path slowFlag;
    private final Duration slowTime;

    SoakAgent(String replica, Path slowFlag, Duration slowTime) {
        this.replica = replica;
        this.slowFlag = slowFlag;
        this.slowTime = slowTime;
    }

    /** An input as the soak's producers send it. */
    record Input(String id, long sentAt) {}

    /** What the handlers write to {@link SoakTopics#OUTPUT}. */
    record Output(String id, long sentAt, String replica) {}

    @Override
    protected void initialize() {
        onMessage(KAFKA_TYPE, Input.class, (input, context) -> {
            slowIfFlagged();
            sendKafkaMessage(SoakTopics.OUTPUT, input.id(), new Output(input.id(), input.sentAt(), replica));
            emit(EVENT_TYPE, Map.of("soak_id", input.id(), "sent_at", input.sentAt(), "replica", replica));
        });
        onMessage(
                MQTT_TYPE,
                Input.class,
                (input, context) -> sendKafkaMessage(
                        SoakTopics.OUTPUT, input.id(), new Output(input.id(), input.sentAt(), replica)));
    }

    private void slowIfFlagged() throws Exception {
        if (Files.deleteIfExists(slowFlag)) {
            System.err.println("soak: handler blocking for " + slowTime.toMillis() + " ms (slow-handler fault)");
            Thread.sleep(slowTime);
            System.err.println("soak: handler unblocked");
        }
    }
}
