package io.realtimeagents.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.realtimeagents.agent.hooks.AgentHook;
import io.realtimeagents.agent.internal.AgentServices;
import io.realtimeagents.agent.internal.Checks;
import io.realtimeagents.agent.mesh.AgentDirectory;
import io.realtimeagents.agent.mesh.AgentRequestFailedException;
import io.realtimeagents.agent.mesh.AgentRequestTimeoutException;
import io.realtimeagents.common.RealtimeAgentException;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.handler.EventHandler;
import io.realtimeagents.common.handler.MessageHandler;
import io.realtimeagents.common.json.Json;
import io.realtimeagents.common.model.EventType;
import io.realtimeagents.common.model.RealtimeEvent;
import io.realtimeagents.common.mqtt.MqttSubscription;
import io.realtimeagents.common.mqtt.MqttTopicFilter;
import io.realtimeagents.common.task.BaseMicroserviceAgent;
import io.realtimeagents.common.task.TaskRequest;
import io.realtimeagents.common.task.TaskResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Base class of an agent. Subclass it, register handlers in {@link #initialize()}, and start it with
 * {@link RealtimeAgents#run(Class, String...)}:
 *
 * <pre>{@code
 * public class HeartRateAgent extends RealtimeAgent {
 *     record HeartRate(String patientId, int bpm) {}
 *
 *     protected void initialize() {
 *         onMessage("heart_rate", HeartRate.class, (reading, context) -> {
 *             if (reading.bpm() > 100) {
 *                 emit(EventType.ALERT_TRIGGERED, Map.of("patient_id", reading.patientId(), "bpm", reading.bpm()));
 *             }
 *         });
 *     }
 *
 *     public static void main(String[] args) {
 *         RealtimeAgents.run(HeartRateAgent.class, args);
 *     }
 * }
 * }</pre>
 *
 * <p>Handlers run on the partition's own thread: records of one partition (hence of one key) are handled in order,
 * partitions in parallel. A handler that throws is retried, then its message goes to the dead-letter topic.
 *
 * <p>What a handler sends is part of handling it: the outputs it starts on its thread ({@link #emit emit},
 * {@link #sendKafkaMessage sendKafkaMessage}, {@link #broadcast broadcast}, {@link #publishMqtt publishMqtt}) must
 * be acknowledged by their brokers before its message counts as handled (Kafka offset committed, MQTT message
 * acknowledged), and one that fails makes the handling fail. There is no need to wait for the returned stages.
 * Outputs started on other threads are fire-and-forget unless attached with {@code context.track(stage)}.
 *
 * <p>Over 300 lines because it is the one class users extend: each verb (inputs, outputs, tasks, hooks, the mesh's
 * discovery and requests) is a short delegation to the runtime with the Javadoc users read, and splitting it would
 * scatter the API over several types.
 */
public abstract class RealtimeAgent extends BaseMicroserviceAgent {
    private volatile AgentServices services;

    /** Creates the agent; the framework calls this no-argument constructor. */
    protected RealtimeAgent() {}

    /** Registers handlers; called once, before consuming starts. */
    protected void initialize() {}

    /** Called after the agent started consuming and serving HTTP. */
    protected void onStart() {}

    /** Called when the agent stops, after consuming stopped and before the producer closes. */
    protected void onStop() {}

    /**
     * Registers the handler of a message type.
     *
     * @param messageType the message type, e.g. {@code blood_pressure}
     * @param payloadType the class the JSON payload is decoded into ({@code JsonNode}, {@code String} and
     *     {@code byte[]} also work)
     * @param handler the handler
     */
    protected final <T> void onMessage(String messageType, Class<T> payloadType, MessageHandler<? super T> handler) {
        services().handlers().onMessage(messageType, payloadType, handler);
    }

    /** Registers a handler of an event type; it runs once per consumer group for each event of that type. */
    protected final void onEvent(EventType eventType, EventHandler handler) {
        services().handlers().onEvent(eventType, handler);
    }

    /**
     * Consumes a Kafka topic, besides those of {@code STREAMING_TOPICS}; call it from {@link #initialize()}. Its
     * records go to the {@code onMessage} handler of their type: a {@code message_type} header, else a
     * {@code message_type} field of the JSON body, else {@code messageType} (unless {@code KAFKA_TOPIC_MESSAGE_TYPES}
     * maps the topic to another type: the configuration wins, so operators can remap a topic).
     *
     * @param topic the Kafka topic, e.g. {@code vitals}
     * @param messageType the type of records that name none, or null when they all do
     * @throws IllegalArgumentException when the topic is not a legal Kafka topic name or subscribed to twice
     */
    protected final void subscribeKafka(String topic, String messageType) {
        services().subscribeKafka(topic, messageType);
    }

    /**
     * Subscribes to an MQTT topic filter; call it from {@link #initialize()}. Messages on matching topics go to the
     * {@code onMessage} handler of their type: a {@code message_type} user property, else a {@code message_type} field
     * of the JSON body, else {@code messageType}. Named segments such as {@code {patient}} in
     * {@code devices/{patient}/vitals/blood_pressure} match one level and are available to handlers as
     * {@code context.topicVariable("patient")}. With several replicas the subscription is shared
     * ({@code MQTT_SHARED_GROUP}). Needs {@code MQTT_HOST}.
     *
     * @param filter the topic filter, with {@code +}, {@code #} and named segments
     * @param messageType the type of messages that name none, or null
     * @param qos the QoS: 0, 1 (at least once; acknowledged only after the handler finished) or 2
     * @throws IllegalArgumentException when the filter or QoS is invalid
     */
    protected final void subscribeMqtt(String filter, String messageType, int qos) {
        services().subscribeMqtt(new MqttSubscription(MqttTopicFilter.parse(filter), messageType, qos));
    }

    /**
     * Adds a hook called at the agent's start and stop and around each handling of a Kafka record or MQTT message;
     * call it from {@link #initialize()}. Hooks run in the order they were added; one that throws is logged and
     * counted, never breaks the handling. See {@link AgentHook}.
     *
     * @throws IllegalStateException when the agent already started
     */
    protected final void addHook(AgentHook hook) {
        Checks.notNull(hook, "hook");
        services().addHook(hook);
    }

    /**
     * Publishes an MQTT message at QoS 1 (at least once), not retained; see
     * {@link #publishMqtt(String, Object, int, boolean)} to choose both.
     *
     * @return completes when the broker acknowledged it
     */
    public final CompletionStage<Void> publishMqtt(String topic, Object payload) {
        return publishMqtt(topic, payload, 1, false);
    }

    /**
     * Publishes an MQTT message. A {@code String} or {@code byte[]} payload is sent as it is; anything else as
     * snake_case JSON.
     *
     * @param qos 0, 1 or 2
     * @param retained whether the broker keeps it as the topic's retained message
     * @return completes when the broker acknowledged it (QoS 1 and 2) or it was written (QoS 0)
     */
    public final CompletionStage<Void> publishMqtt(String topic, Object payload, int qos, boolean retained) {
        Checks.notNull(topic, "topic");
        Checks.notNull(payload, "payload");
        Checks.between(qos, 0, 2, "qos");
        return services().publishMqtt(topic, bytes(payload), qos, retained);
    }

    /**
     * Publishes an event to the events topic; this service is its source unless the event names one. Emitted by a
     * handler of a keyed Kafka record, the event's record carries that key, so the events about one key (a patient, a
     * device) keep their order and event handlers see it as {@code context.key()}; otherwise it is keyed by its
     * correlation id, else its event id.
     *
     * @return completes when the brokers stored the event
     */
    public final CompletionStage<SentRecord> emit(RealtimeEvent event) {
        Checks.notNull(event, "event");
        RealtimeEvent sourced = event.sourceService() == null ? event.withSourceService(name()) : event;
        return services().emit(sourced);
    }

    /** Publishes a new event of the given type and data. */
    public final CompletionStage<SentRecord> emit(EventType eventType, Map<String, ?> data) {
        return emit(RealtimeEvent.of(eventType, name(), data));
    }

    /**
     * Sends a message to the WebSocket and SSE clients subscribed to a live topic, on every replica of every agent
     * that reads the same live Kafka topic. Clients receive
     * {@code {"message_type":"broadcast","payload":{"topic":topic,"data":message}}}. Emitted events reach clients
     * too, as {@code realtime_event} messages on the topic named by their event type.
     *
     * @param topic a live topic: letters, digits, {@code . _ : -}
     * @param message encoded as snake_case JSON
     * @return completes when the brokers stored it (without Kafka: at once, delivered to this replica's clients)
     */
    public final CompletionStage<SentRecord> broadcast(String topic, Object message) {
        Checks.notNull(topic, "topic");
        Checks.notNull(message, "message");
        return services().broadcast(topic, message);
    }

    /**
     * Produces a Kafka record without a key. A {@code String} or {@code byte[]} payload is sent as it is; anything
     * else is encoded as snake_case JSON.
     *
     * @return completes when the brokers stored the record ({@code acks=all})
     */
    public final CompletionStage<SentRecord> sendKafkaMessage(String topic, Object payload) {
        return sendKafkaMessage(topic, null, payload);
    }

    /** Produces a Kafka record with a key; records with the same key keep their order. */
    public final CompletionStage<SentRecord> sendKafkaMessage(String topic, String key, Object payload) {
        return sendKafkaMessage(topic, key, payload, Map.of());
    }

    /** Produces a Kafka record with a key and headers (e.g. {@code message_type}). */
    public final CompletionStage<SentRecord> sendKafkaMessage(
            String topic, String key, Object payload, Map<String, String> headers) {
        Checks.notNull(topic, "topic");
        Checks.notNull(payload, "payload");
        return services().send(topic, key, bytes(payload), headers);
    }

    /**
     * Requests a task of another service (or of this one) over Kafka and returns its result; usable from handlers and
     * from any other thread. The request goes to the service's request topic ({@code <service>.requests} by default,
     * the target's {@code AGENT_REQUEST_TOPIC}), where its consumer group hands it to one replica, which runs the task
     * through its handler path (retries, dead letters, metrics) and produces the reply to this instance's partition of
     * the shared reply topic ({@code AGENT_REPLY_TOPIC}). The deadline ({@code now + timeout}) travels with the
     * request: a replica drops work whose deadline passed. Made from a handler, the request record is one of its
     * outputs (see the class comment); the reply is not, so the handler need not wait for it. See {@code
     * docs/mesh-requests.md}.
     *
     * @param service the target service's name
     * @param taskType the task type, declared by the target with {@code onTask}
     * @param payload the task's parameters: a {@code Map}, a record or bean (as snake_case JSON fields), or a
     *     {@link TaskRequest} to give a query too; null for none
     * @param timeout how long to wait for the reply
     * @return completes with the task's (completed) result; fails with an {@link AgentRequestTimeoutException} naming
     *     service, task type and timeout, an {@link AgentRequestFailedException} with the remote error when the task
     *     failed, or a {@link RealtimeAgentException} when this agent stops first (pending requests fail at once) or the
     *     request cannot be sent
     * @throws IllegalArgumentException when the timeout is not positive or the payload is not a JSON object
     * @throws RealtimeAgentException when Kafka is disabled
     */
    public final CompletionStage<TaskResult> request(
            String service, String taskType, Object payload, Duration timeout) {
        Checks.notNull(service, "service");
        Checks.notNull(taskType, "taskType");
        Checks.notNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, not " + timeout);
        }
        return services().request(service, taskRequest(taskType, payload), timeout);
    }

    private static TaskRequest taskRequest(String taskType, Object payload) {
        if (payload instanceof TaskRequest given) {
            return given.withTaskType(taskType);
        }
        if (payload == null) {
            return TaskRequest.of(taskType, Map.of());
        }
        JsonNode tree = Json.tree(Json.encode(payload));
        if (!tree.isObject()) {
            throw new IllegalArgumentException("payload must encode as a JSON object (a Map, a record or a bean), not "
                    + tree.getNodeType() + ": wrap it, e.g. Map.of(\"value\", payload)");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> parameters = Json.convert(tree, Map.class);
        return TaskRequest.of(taskType, parameters);
    }

    /** The service name. */
    public final String name() {
        return services().config().serviceName();
    }

    /** The agent's configuration. */
    public final AgentConfig config() {
        return services().config();
    }

    /**
     * Announces a capability in the agent registry, besides those of {@code AGENT_CAPABILITIES}, so other agents find
     * this one with {@code agents().discoverByCapability(capability)}; call it from {@link #initialize()}.
     *
     * @param capability e.g. {@code summarize-text}
     */
    protected final void declareCapability(String capability) {
        Checks.notNull(capability, "capability");
        services().declareCapability(capability);
    }

    /**
     * The live agent instances this agent sees in the agent registry, itself included: discovery by service name and
     * by capability, and waiting for dependencies. Usable from {@link #onStart()} on.
     *
     * @throws RealtimeAgentException when the registry is off ({@code AGENT_REGISTRY_ENABLED=false}, or Kafka
     *     disabled)
     */
    public final AgentDirectory agents() {
        return services().directory();
    }

    /** The meter registry, to add the agent's own meters to the Prometheus endpoint. */
    protected final MeterRegistry meterRegistry() {
        return services().meterRegistry();
    }

    final void bind(AgentServices runtime) {
        if (services != null) {
            throw new IllegalStateException(getClass().getName() + " is already running: create a new instance");
        }
        services = runtime;
    }

    private AgentServices services() {
        AgentServices current = services;
        if (current == null) {
            throw new RealtimeAgentException(getClass().getSimpleName()
                    + " is not running: register handlers in initialize() and start the agent with"
                    + " RealtimeAgents.run(...) or RealtimeAgents.app(...).start()");
        }
        return current;
    }

    private static byte[] bytes(Object payload) {
        if (payload instanceof byte[] raw) {
            return raw;
        }
        if (payload instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        return Json.encode(payload);
    }
}
