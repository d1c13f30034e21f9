package io.realtimeagents.agent.internal.request;

import io.micrometer.core.instrument.MeterRegistry;
import io.realtimeagents.agent.internal.delivery.Handling;
import io.realtimeagents.agent.internal.kafka.KafkaSender;
import io.realtimeagents.common.RealtimeAgentException;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.common.internal.handler.HandlerRegistry;
import io.realtimeagents.common.internal.handler.MessageDecoder;
import io.realtimeagents.common.json.Json;
import io.realtimeagents.common.task.TaskRequest;
import io.realtimeagents.common.task.TaskResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Request/reply between agents, both sides. Serving: {@link #serve} makes the agent consume its request topic through
 * its Kafka transport (its consumer group, so one replica takes each request) with a {@link RequestServer} handler.
 * Calling: {@link #request} produces a {@link RequestEnvelope} to the service's request topic and waits for the
 * {@link ReplyEnvelope} on this instance's partition of the shared reply topic, read by a {@link ReplyReader} that
 * starts with the first request. Stopping fails the pending requests at once. Traced ({@link RequestSpans}), a request
 * is a {@code CLIENT} span ended by its reply, whose context the request record carries to the serving agent.
 */
public final class AgentRequests implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AgentRequests.class);

    private final AgentConfig config;
    private final String instanceId;
    private final KafkaSender sender;
    private final MeterRegistry registry;
    private final PendingRequests pending;
    private final String replyTopic;
    private volatile RequestTopics topics;
    private final Set<String> ensuredTopics = ConcurrentHashMap.newKeySet();
    private volatile ReplyReader replies; // started with the first request, guarded by this
    private volatile boolean stopped;

    /**
     * Creates the calling side; nothing connects until the first request.
     *
     * @param instanceId this agent instance's id, to which replies are addressed
     * @param sender the agent's producer
     */
    public AgentRequests(AgentConfig config, String instanceId, KafkaSender sender, MeterRegistry registry) {
        this.config = config;
        this.instanceId = instanceId;
        this.sender = sender;
        this.registry = registry;
        this.pending = new PendingRequests(instanceId, registry);
        this.replyTopic = config.get(AgentSettings.AGENT_REPLY_TOPIC);
        this.topics = RequestTopics.byConvention(config);
    }

    /** Looks up the request topics of services with another lookup, e.g. the registry's view. */
    public void lookUpWith(RequestTopics lookup) {
        this.topics = lookup;
    }

    /**
     * Makes the agent serve requests: its request topic ({@code AGENT_REQUEST_TOPIC}) is created when missing and
     * consumed by its Kafka transport, each request run by {@code processor}. Call it before consuming starts. When the
     * topic cannot be created now (brokers unreachable), the agent starts anyway and consumes it once it exists (its
     * readiness says so meanwhile), as with its other topics.
     */
    public void serve(HandlerRegistry handlers, Function<TaskRequest, TaskResult> processor) {
        String topic = RequestTopics.own(config);
        try {
            TopicCreation.ensure(config, topic, TopicCreation.REQUEST_PARTITIONS);
        } catch (RealtimeAgentException e) {
            LOG.warn("{}; the agent consumes it once it exists", e.getMessage());
        }
        handlers.onMessage(
                RequestEnvelope.MESSAGE_TYPE, RequestEnvelope.class, new RequestServer(processor, sender, registry));
        handlers.subscribeKafka(topic, RequestEnvelope.MESSAGE_TYPE);
    }

    /**
     * Sends a request and returns its reply's result. Sent from a handler, the request record is an output of the
     * handling (the reply is not: a handler may wait for it or not).
     *
     * @param task the task type, query and parameters
     * @return completes with the result, or fails with an {@code AgentRequestTimeoutException}, an {@code
     *     AgentRequestFailedException}, or a {@link RealtimeAgentException} when the agent stops or cannot send
     */
    public CompletionStage<TaskResult> request(String service, TaskRequest task, Duration timeout) {
        if (stopped) {
            return CompletableFuture.failedFuture(new RealtimeAgentException("Cannot request task '" + task.taskType()
                    + "' of service '" + service + "': the agent is stopping"));
        }
        ReplyReader reader;
        try {
            reader = replies();
        } catch (RealtimeAgentException e) {
            return CompletableFuture.failedFuture(e);
        }
        String topic = topics.of(service);
        try {
            ensureRequestTopic(topic);
        } catch (RealtimeAgentException e) {
            return CompletableFuture.failedFuture(e);
        }
        String correlationId = UUID.randomUUID().toString();
        CompletableFuture<TaskResult> result = pending.register(correlationId, service, task.taskType(), timeout);
        RequestEnvelope envelope = new RequestEnvelope(
                correlationId,
                task.taskType(),
                task.query(),
                task.parameters(),
                config.serviceName(),
                instanceId,
                replyTopic,
                reader.partition().partition(),
                System.currentTimeMillis() + timeout.toMillis());
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(
                topic, null, correlationId.getBytes(StandardCharsets.UTF_8), Json.encode(envelope));
        record.headers()
                .add(MessageDecoder.MESSAGE_TYPE_HEADER, RequestEnvelope.MESSAGE_TYPE.getBytes(StandardCharsets.UTF_8));
        RequestSpans.client(service, task.taskType(), topic, correlationId, record, result);
        Handling.track(sender.send(record), "kafka topic", topic).whenComplete((sent, error) -> {
            if (error != null) {
                pending.fail(
                        correlationId,
                        new RealtimeAgentException(
                                "Cannot send the request for task '" + task.taskType() + "' to service '" + service
                                        + "' (topic " + topic + "): " + error.getMessage(),
                                error));
            }
        });
        return result.minimalCompletionStage();
    }

    /**
     * Creates a service's request topic with {@link TopicCreation#REQUEST_PARTITIONS} partitions before the first
     * request to it, unless it exists: otherwise the brokers would create it with their default partitions on the
     * first send, when the caller starts before the service, and its replicas could not share the requests.
     */
    private void ensureRequestTopic(String topic) {
        if (!ensuredTopics.contains(topic)) {
            TopicCreation.ensure(config, topic, TopicCreation.REQUEST_PARTITIONS);
            ensuredTopics.add(topic);
        }
    }

    private ReplyReader replies() {
        ReplyReader reader = replies;
        if (reader == null) {
            synchronized (this) {
                reader = replies;
                if (reader == null) {
                    reader = ReplyReader.start(config, replyTopic, instanceId, pending);
                    replies = reader;
                }
            }
        }
        return reader;
    }

    /** Fails the pending requests at once, and every later one; called first when the agent stops. */
    public void stop() {
        stopped = true;
        pending.stop("the agent is stopping");
    }

    /** Stops, then closes the reader of replies. */
    @Override
    public void close() {
        stop();
        pending.close();
        ReplyReader reader = replies;
        if (reader != null) {
            reader.close();
        }
    }
}
