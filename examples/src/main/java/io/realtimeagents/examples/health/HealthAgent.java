package io.realtimeagents.examples.health;

import io.realtimeagents.agent.RealtimeAgent;
import io.realtimeagents.agent.RealtimeAgents;
import io.realtimeagents.common.InvalidMessageException;
import io.realtimeagents.common.InvalidTaskInputException;
import io.realtimeagents.common.json.Json;
import io.realtimeagents.common.model.EventType;
import io.realtimeagents.common.model.HealthDataModel;
import io.realtimeagents.common.model.RealtimeEvent;
import io.realtimeagents.common.task.TaskRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The health-processing agent. It consumes device readings ({@link HealthDataModel}) from Kafka, one handler per
 * {@link VitalKind}; validates them (impossible values go to the dead-letter topic, not to alerts); classifies them
 * against {@linkplain ClinicalThresholds clinical thresholds}; and raises one alert per episode
 * ({@link EpisodeTracker}). For every reading and alert it:
 *
 * <ul>
 *   <li>broadcasts the reading on the live topic {@value #READINGS_LIVE_TOPIC} ({@link VitalReading#toWire()});
 *   <li>for an alert: emits an {@code ALERT_TRIGGERED} event ({@code ALERT_RESOLVED} when the episode ends), sends
 *       the alert to the Kafka topic {@value #ALERTS_TOPIC} keyed by patient, and broadcasts it on the live topic
 *       {@value #ALERTS_LIVE_TOPIC} ({@link Alert#toWire()}).
 * </ul>
 *
 * <p>A handler returns only once all of that is stored in Kafka, so a reading is never acknowledged before its alert
 * is out. Records are keyed by patient, so each patient's readings are handled in order. Browsers follow along on
 * {@code /stream/events} (SSE) or the WebSocket {@value #WEBSOCKET_PATH}, which subscribes to both live topics.
 *
 * <p>Tasks: {@code POST /analyze-health} with {@code {"parameters": {"patient_id": "p-001"}}} summarises a patient's
 * recent vitals ({@link HealthMonitor#analyze(String)}); {@code POST /process-vitals} with a reading as parameters
 * processes it as if a device had sent it and answers with its classification and alerts
 * ({@link ProcessedReading#toWire()}); an invalid reading, or a request without {@code patient_id}, is rejected with
 * an {@link InvalidTaskInputException} (HTTP 400 with the reason).
 */
public class HealthAgent extends RealtimeAgent {
    /** The Kafka topic of device readings, keyed by patient. */
    public static final String VITALS_TOPIC = "health.vitals";
    /** The Kafka topic alerts are sent to, keyed by patient. */
    public static final String ALERTS_TOPIC = "health_alerts";
    /** The live topic every accepted reading is broadcast on. */
    public static final String READINGS_LIVE_TOPIC = "health_events";
    /** The live topic alerts are broadcast on. */
    public static final String ALERTS_LIVE_TOPIC = "alerts";
    /** The WebSocket endpoint subscribed to both live topics. */
    public static final String WEBSOCKET_PATH = "/ws/health";
    /** Task type of {@code POST /analyze-health}. */
    public static final String ANALYZE_HEALTH = "analyze_health";
    /** Task type of {@code POST /process-vitals}. */
    public static final String PROCESS_VITALS = "process_vitals";

    private static final Logger LOG = LoggerFactory.getLogger(HealthAgent.class);

    /** How far back the alerts topic is read at start to find open episodes. */
    private static final Duration EPISODE_MEMORY = Duration.ofHours(12);

    private final HealthMonitor monitor;

    /** An agent ending episodes after {@value EpisodeTracker#DEFAULT_RESOLVE_AFTER} normal readings. */
    public HealthAgent() {
        this(EpisodeTracker.DEFAULT_RESOLVE_AFTER);
    }

    /**
     * An agent ending episodes after the given number of consecutive normal readings.
     *
     * @throws IllegalArgumentException when {@code resolveAfter} is below 1
     */
    public HealthAgent(int resolveAfter) {
        this.monitor =
                new HealthMonitor(new EpisodeTracker(resolveAfter), new VitalsHistory(VitalsHistory.DEFAULT_CAPACITY));
    }

    @Override
    protected void initialize() {
        // Episodes outlive agents: pick up those a previous instance (or another replica) left open.
        int restored = AlertLog.replay(config(), ALERTS_TOPIC, EPISODE_MEMORY, monitor::restore);
        if (restored > 0) {
            LOG.info(
                    "Read {} alerts of the last {} from {} to continue open episodes",
                    restored,
                    EPISODE_MEMORY,
                    ALERTS_TOPIC);
        }
        onTask(
                ANALYZE_HEALTH,
                "Assesses a patient's latest vital signs and open alerts (parameters.patient_id)",
                request -> monitor.analyze(patient(request)));
        onTask(
                PROCESS_VITALS,
                "Validates and processes one vital-sign reading, raising or resolving alerts as a streamed reading would",
                this::processVitals);
        for (VitalKind kind : VitalKind.values()) {
            onMessage(
                    kind.type(),
                    HealthDataModel.class,
                    (data, context) -> publish(monitor.accept(data, kind, context.key(), context.timestamp())));
        }
    }

    /**
     * Broadcasts the reading and publishes its alerts; completes when Kafka stored all of it. A handler need not wait
     * for it: what a handler sends is part of its handling, so the reading is committed only once all of it is stored.
     */
    private CompletableFuture<Void> publish(ProcessedReading processed) {
        List<CompletableFuture<?>> sent = new ArrayList<>();
        sent.add(broadcast(READINGS_LIVE_TOPIC, processed.reading().toWire()).toCompletableFuture());
        for (Alert alert : processed.alerts()) {
            LOG.debug(
                    "{} {} alert {} for {}: {}",
                    alert.status().wire(),
                    alert.severity().wire(),
                    alert.alertId(),
                    alert.patientId(),
                    alert.message());
            Map<String, Object> wire = alert.toWire();
            EventType type = alert.isActive() ? EventType.ALERT_TRIGGERED : EventType.ALERT_RESOLVED;
            sent.add(emit(RealtimeEvent.of(type, wire).withCorrelationId(alert.alertId()))
                    .toCompletableFuture());
            sent.add(sendKafkaMessage(ALERTS_TOPIC, alert.patientId(), wire).toCompletableFuture());
            sent.add(broadcast(ALERTS_LIVE_TOPIC, wire).toCompletableFuture());
        }
        return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new));
    }

    private Map<String, Object> processVitals(TaskRequest request) {
        HealthDataModel data = Json.convert(request.parameters(), HealthDataModel.class);
        VitalKind kind = VitalKind.ofType(data.dataType())
                .orElseThrow(() -> new InvalidTaskInputException("parameters.data_type '" + data.dataType()
                        + "' is not a vital sign this agent knows: use one of " + VitalKind.types()));
        ProcessedReading processed;
        try {
            processed = monitor.accept(data, kind, null, Instant.now());
        } catch (InvalidMessageException e) {
            throw new InvalidTaskInputException(e.getMessage(), e); // the caller's reading: answered 400
        }
        publish(processed).join();
        return processed.toWire();
    }

    private String patient(TaskRequest request) {
        Object patient = request.parameters().get("patient_id");
        if (patient == null || patient.toString().isBlank()) {
            throw new InvalidTaskInputException("parameters.patient_id is required, e.g. {\"parameters\": "
                    + "{\"patient_id\": \"p-001\"}}; patients with readings: " + monitor.patients());
        }
        return patient.toString();
    }

    /**
     * The agent application: description, the task endpoints {@code /analyze-health} and {@code /process-vitals},
     * and the WebSocket endpoint {@value #WEBSOCKET_PATH}. Give it a configuration or arguments, then start it.
     */
    public static RealtimeAgents.App app() {
        return app(HealthAgent::new);
    }

    /** Like {@link #app()}, creating the agent with the factory (e.g. {@code () -> new HealthAgent(5)}). */
    public static RealtimeAgents.App app(Supplier<? extends HealthAgent> factory) {
        return RealtimeAgents.app(factory)
                .description("Real-time health data processing agent: validates vitals, raises clinical alerts")
                .endpoint("/analyze-health", ANALYZE_HEALTH)
                .endpoint("/process-vitals", PROCESS_VITALS)
                .websocketEndpoint(WEBSOCKET_PATH, READINGS_LIVE_TOPIC, ALERTS_LIVE_TOPIC);
    }

    /**
     * Runs the agent with configuration from the environment, e.g. {@code KAFKA_BOOTSTRAP_SERVERS=localhost:9092
     * STREAMING_TOPICS=health.vitals}.
     */
    public static void main(String[] args) {
        app().args(args).runUntilStopped();
    }
}
