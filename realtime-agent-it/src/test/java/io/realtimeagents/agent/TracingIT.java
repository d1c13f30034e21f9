package io.realtimeagents.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.realtimeagents.agent.support.MqttTestAgents;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.common.model.EventType;
import io.realtimeagents.common.task.TaskResult;
import io.realtimeagents.testkit.Await;
import io.realtimeagents.testkit.HttpTestClient;
import io.realtimeagents.testkit.KafkaBroker;
import io.realtimeagents.testkit.KafkaTestClient;
import io.realtimeagents.testkit.MqttBrokers;
import io.realtimeagents.testkit.MqttTestClient;
import io.realtimeagents.testkit.TestAgent;
import io.realtimeagents.testkit.WithKafka;
import io.realtimeagents.testkit.WithMqtt;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * W3C trace context through agents, with an OpenTelemetry SDK installed as the global instance (once for this class)
 * exporting to memory: the spans of HTTP tasks, handlings and requests, their parents, and the {@code traceparent}
 * of every output.
 */
@WithKafka
@WithMqtt
@SuppressWarnings("try") // agents run for the duration of try blocks that need no reference to them
class TracingIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT_ID = "00f067aa0ba902b7";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-" + PARENT_ID + "-01";
    private static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");

    private static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();
    private static OpenTelemetrySdk sdk;

    @BeforeAll
    static void installSdk() {
        sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder()
                        .addSpanProcessor(SimpleSpanProcessor.create(SPANS))
                        .build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
        GlobalOpenTelemetry.resetForTest(); // code run by earlier test classes may have fixed an instance
        GlobalOpenTelemetry.set(sdk);
    }

    @AfterAll
    static void removeSdk() {
        GlobalOpenTelemetry.resetForTest();
        sdk.close();
    }

    @BeforeEach
    void forgetSpans() {
        SPANS.reset();
    }

    /** Serves {@code work}: broadcasts and emits, then answers. */
    static final class WorkerAgent extends RealtimeAgent {
        @Override
        protected void initialize() {
            onTask("work", "Broadcasts and emits", request -> {
                broadcast("traced", Map.of("worked", true))
                        .toCompletableFuture()
                        .join();
                emit(EventType.ALERT_TRIGGERED, Map.of("worked", true));
                return Map.of("done", true);
            });
        }
    }

    /** Serves {@code delegate} over HTTP by requesting {@code work} of another service. */
    static final class FrontAgent extends RealtimeAgent {
        private final String worker;

        FrontAgent(String worker) {
            this.worker = worker;
        }

        @Override
        protected void initialize() {
            onTask("delegate", "Requests work of the worker", request -> {
                TaskResult result = request(worker, "work", Map.of(), TIMEOUT)
                        .toCompletableFuture()
                        .join();
                return Map.of("worker_done", result.isCompleted());
            });
        }
    }

    @Test
    void oneTrace_spansAnHttpTask_itsRequest_theServedTask_itsBroadcast_andTheReply(
            KafkaBroker broker, KafkaTestClient client) {
        String replies = client.uniqueTopic("trace-replies", 1);
        try (TestAgent<WorkerAgent> b = TestAgent.start(WorkerAgent::new, broker);
                TestAgent<FrontAgent> a = TestAgent.start(
                        () -> new FrontAgent(b.config().serviceName()),
                        broker,
                        c -> c.set(AgentSettings.AGENT_REPLY_TOPIC, replies))) {
            Await.await(
                    TIMEOUT,
                    "the worker consumes its requests",
                    () -> !b.assignedPartitions().isEmpty());

            HttpTestClient.Response reply =
                    a.http().post("/tasks", "{\"task_type\":\"delegate\"}", "traceparent", TRACEPARENT);
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            assertThat(reply.body()).contains("\"worker_done\":true");

            SpanData server = awaitSpan(s -> s.getName().equals("POST /tasks"));
            SpanData request = awaitSpan(s -> s.getName().equals("work request"));
            SpanData handling = awaitSpan(
                    s -> s.getKind() == SpanKind.CONSUMER && s.getTraceId().equals(TRACE_ID));
            SpanData served = awaitSpan(s -> s.getName().equals("work") && s.getKind() == SpanKind.SERVER);
            for (SpanData span : List.of(server, request, handling, served)) {
                assertThat(span.getTraceId()).as(span.getName()).isEqualTo(TRACE_ID);
            }
            assertThat(server.getKind()).isEqualTo(SpanKind.SERVER);
            assertThat(server.getParentSpanId()).isEqualTo(PARENT_ID);
            assertThat(request.getKind()).isEqualTo(SpanKind.CLIENT);
            assertThat(request.getParentSpanId()).isEqualTo(server.getSpanId());
            assertThat(handling.getParentSpanId()).isEqualTo(request.getSpanId());
            assertThat(handling.getAttributes().get(SYSTEM)).isEqualTo("kafka");
            assertThat(handling.getAttributes().get(AttributeKey.longKey("messaging.kafka.offset")))
                    .isNotNull();
            assertThat(served.getParentSpanId()).isEqualTo(handling.getSpanId());

            String live = b.config().get(AgentSettings.KAFKA_LIVE_TOPIC);
            ConsumerRecord<String, String> broadcast =
                    client.consume(live, 1, TIMEOUT).get(0);
            assertThat(KafkaTestClient.header(broadcast, "traceparent"))
                    .as("the broadcast's traceparent: the served task's span")
                    .startsWith(spanContext(TRACE_ID, served.getSpanId()));
            String events = b.config().get(AgentSettings.KAFKA_EVENTS_TOPIC);
            ConsumerRecord<String, String> event =
                    client.consume(events, 1, TIMEOUT).get(0);
            assertThat(KafkaTestClient.header(event, "traceparent")).startsWith("00-" + TRACE_ID + "-");
            ConsumerRecord<String, String> replyRecord =
                    client.consume(replies, 1, TIMEOUT).get(0);
            assertThat(KafkaTestClient.header(replyRecord, "traceparent"))
                    .as("the reply's traceparent")
                    .startsWith(spanContext(TRACE_ID, served.getSpanId()));
        }
    }

    record Note(String id) {}

    /** Where a {@link NoteAgent} reads and writes notes; null topics are not used. */
    record Topics(String kafkaInput, String mqttFilter, String output, String mqttOutput) {}

    /** For each note: a span of its own, then a record to its output and (when given a topic) an MQTT publish. */
    static final class NoteAgent extends RealtimeAgent {
        private final Topics topics;

        NoteAgent(Topics topics) {
            this.topics = topics;
        }

        @Override
        protected void initialize() {
            if (topics.kafkaInput() != null) {
                subscribeKafka(topics.kafkaInput(), "note");
            } else {
                subscribeMqtt(topics.mqttFilter(), "note", 1);
            }
            onMessage("note", Note.class, (note, context) -> {
                Span own = GlobalOpenTelemetry.getTracer("notes")
                        .spanBuilder("own work")
                        .startSpan();
                own.end();
                sendKafkaMessage(topics.output(), "k", "{}");
                if (topics.mqttOutput() != null) {
                    publishMqtt(topics.mqttOutput(), "out");
                }
            });
        }
    }

    @Test
    void aKafkaRecordsTraceparent_parentsTheHandlingSpan_whoseContextTheOutputCarries(
            KafkaBroker broker, KafkaTestClient client) {
        String input = client.uniqueTopic("trace-in", 1);
        String output = client.uniqueTopic("trace-out", 1);
        try (TestAgent<NoteAgent> running =
                TestAgent.start(() -> new NoteAgent(new Topics(input, null, output, null)), broker)) {
            client.produce(input, "k", "{}", Map.of("traceparent", TRACEPARENT));

            ConsumerRecord<String, String> sent =
                    client.consume(output, 1, TIMEOUT).get(0);
            SpanData handling = awaitSpan(s -> s.getName().equals(input + " process"));
            assertThat(handling.getKind()).isEqualTo(SpanKind.CONSUMER);
            assertThat(handling.getTraceId()).isEqualTo(TRACE_ID);
            assertThat(handling.getParentSpanId()).isEqualTo(PARENT_ID);
            assertThat(handling.getAttributes().get(SYSTEM)).isEqualTo("kafka");
            assertThat(handling.getAttributes().get(AttributeKey.stringKey("messaging.destination.name")))
                    .isEqualTo(input);
            SpanData own = awaitSpan(s -> s.getName().equals("own work"));
            assertThat(own.getParentSpanId())
                    .as("a span the handler starts nests in the handling's")
                    .isEqualTo(handling.getSpanId());
            assertThat(KafkaTestClient.header(sent, "traceparent"))
                    .startsWith(spanContext(TRACE_ID, handling.getSpanId()));
        }
    }

    @Test
    void anMqttUserPropertysTraceparent_parentsTheHandlingSpan_andTheMqttOutputCarriesIt(
            KafkaBroker broker, KafkaTestClient client) {
        String p = MqttTestClient.uniqueTopic("trace");
        String output = client.uniqueTopic("trace-mqtt-out", 1);
        String deadLetters = client.uniqueTopic("trace-mqtt-dlq", 1);
        UnaryOperator<AgentConfig.Builder> mqtt = MqttTestAgents.mqtt(MqttBrokers.shared(), "trace-mqtt", deadLetters);
        try (TestAgent<NoteAgent> running = TestAgent.start(
                        () -> new NoteAgent(new Topics(null, p + "/notes", output, p + "/out")), broker, mqtt);
                MqttTestClient devices = MqttTestClient.connect(MqttBrokers.shared())) {
            devices.subscribe(p + "/out", 1);
            devices.publish(p + "/notes", "{}".getBytes(StandardCharsets.UTF_8), 1, Map.of("traceparent", TRACEPARENT));

            MqttTestClient.Received published =
                    devices.awaitMessages(message -> true, 1, TIMEOUT).get(0);
            SpanData handling = awaitSpan(s -> s.getKind() == SpanKind.CONSUMER);
            assertThat(handling.getName()).isEqualTo(p + "/notes process");
            assertThat(handling.getTraceId()).isEqualTo(TRACE_ID);
            assertThat(handling.getParentSpanId()).isEqualTo(PARENT_ID);
            assertThat(handling.getAttributes().get(SYSTEM)).isEqualTo("mqtt");
            assertThat(published.userProperties())
                    .hasEntrySatisfying(
                            "traceparent",
                            value -> assertThat(value).startsWith(spanContext(TRACE_ID, handling.getSpanId())));
        }
    }

    @Test
    void aRecordWithoutTraceparent_startsANewTrace_whichTheOutputCarries(KafkaBroker broker, KafkaTestClient client) {
        String input = client.uniqueTopic("trace-root-in", 1);
        String output = client.uniqueTopic("trace-root-out", 1);
        try (TestAgent<NoteAgent> running =
                TestAgent.start(() -> new NoteAgent(new Topics(input, null, output, null)), broker)) {
            client.produce(input, "k", "{}");

            ConsumerRecord<String, String> sent =
                    client.consume(output, 1, TIMEOUT).get(0);
            SpanData handling = awaitSpan(s -> s.getName().equals(input + " process"));
            assertThat(handling.getParentSpanId()).isEqualTo(SpanId.getInvalid());
            assertThat(handling.getTraceId()).isNotEqualTo(TRACE_ID);
            assertThat(KafkaTestClient.header(sent, "traceparent"))
                    .startsWith(spanContext(handling.getTraceId(), handling.getSpanId()));
        }
    }

    /** Fails every note. */
    static final class FailingAgent extends RealtimeAgent {
        private final String input;

        FailingAgent(String input) {
            this.input = input;
        }

        @Override
        protected void initialize() {
            subscribeKafka(input, "note");
            onMessage("note", Note.class, (note, context) -> {
                throw new IllegalStateException("note refused");
            });
        }
    }

    @Test
    void aHandlingThatFailsForGood_recordsEachAttemptsException_andEndsWithAnErrorStatus(
            KafkaBroker broker, KafkaTestClient client) {
        String input = client.uniqueTopic("trace-fail-in", 1);
        try (TestAgent<FailingAgent> running = TestAgent.start(() -> new FailingAgent(input), broker)) {
            client.produce(input, "k", "{}", Map.of("traceparent", TRACEPARENT));

            SpanData handling = awaitSpan(s -> s.getName().equals(input + " process"));
            assertThat(handling.getTraceId()).isEqualTo(TRACE_ID);
            assertThat(handling.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
            assertThat(handling.getEvents())
                    .as("one exception event per attempt")
                    .hasSize(TestAgent.RETRIES + 1)
                    .allSatisfy(event -> assertThat(event.getName()).isEqualTo("exception"));
        }
    }

    /** The start of a {@code traceparent} naming the trace and span (its flags follow). */
    private static String spanContext(String traceId, String spanId) {
        return "00-" + traceId + "-" + spanId + "-";
    }

    private static SpanData awaitSpan(Predicate<SpanData> wanted) {
        Await.await(
                TIMEOUT,
                "a span as expected among " + SPANS.getFinishedSpanItems(),
                () -> SPANS.getFinishedSpanItems().stream().anyMatch(wanted));
        return SPANS.getFinishedSpanItems().stream().filter(wanted).findFirst().orElseThrow();
    }
}
