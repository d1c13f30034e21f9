package io.realtimeagents.agent.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.realtimeagents.agent.SentRecord;
import io.realtimeagents.agent.hooks.AgentHook;
import io.realtimeagents.agent.mesh.AgentDirectory;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.internal.handler.HandlerRegistry;
import io.realtimeagents.common.model.RealtimeEvent;
import io.realtimeagents.common.mqtt.MqttSubscription;
import io.realtimeagents.common.task.TaskRequest;
import io.realtimeagents.common.task.TaskResult;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** What the runtime provides to a running {@code RealtimeAgent}. */
public interface AgentServices {
    /** The agent's configuration. */
    AgentConfig config();

    /** The agent's handlers. */
    HandlerRegistry handlers();

    /** The meter registry, for user meters. */
    MeterRegistry meterRegistry();

    /** Adds a capability to the card announced in the agent registry; only before the agent starts. */
    void declareCapability(String capability);

    /** The live agent instances of the agent registry. */
    AgentDirectory directory();

    /** Publishes an event to the events topic. */
    CompletionStage<SentRecord> emit(RealtimeEvent event);

    /** Publishes a message to a live topic's WebSocket and SSE subscribers on every replica. */
    CompletionStage<SentRecord> broadcast(String topic, Object message);

    /** Produces a record. */
    CompletionStage<SentRecord> send(String topic, String key, byte[] value, Map<String, String> headers);

    /** Consumes a Kafka topic whose records that name no type are of {@code messageType}; only before the start. */
    void subscribeKafka(String topic, String messageType);

    /** Adds an MQTT subscription; only before the agent starts consuming. */
    void subscribeMqtt(MqttSubscription subscription);

    /** Requests a task of another service over Kafka; the stage completes with its result. */
    CompletionStage<TaskResult> request(String service, TaskRequest task, Duration timeout);

    /** Adds a hook; only before the agent starts. */
    void addHook(AgentHook hook);

    /** Publishes an MQTT message. */
    CompletionStage<Void> publishMqtt(String topic, byte[] payload, int qos, boolean retained);
}
