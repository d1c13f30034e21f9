package io.realtimeagents.examples.health;

import io.realtimeagents.agent.RealtimeAgent;
import io.realtimeagents.agent.RealtimeAgents;
import io.realtimeagents.common.handler.MessageContext;
import io.realtimeagents.common.model.EventType;
import io.realtimeagents.common.model.RealtimeEvent;
import io.realtimeagents.common.task.TaskProcessor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches blood pressure and heart rate readings, raises {@code ALERT_TRIGGERED} events past clinical thresholds
 * (stage 2 hypertension at 140/90 mmHg, tachycardia above 100 bpm, bradycardia below 50 bpm), forwards alerts to
 * the {@code health_alerts} topic, and answers {@code analyze_health} tasks with a patient's latest readings.
 */
public class HealthAgent extends RealtimeAgent {
    /** Topic the alerts are forwarded to. */
    public static final String ALERTS_TOPIC = "health_alerts";

    private final Map<String, Map<String, Object>> latest = new ConcurrentHashMap<>();

    @Override
    protected void initialize() {
        onMessage("blood_pressure", VitalSign.class, this::checkBloodPressure);
        onMessage("heart_rate", VitalSign.class, this::checkHeartRate);
        onEvent(
                EventType.ALERT_TRIGGERED,
                (alert, context) -> sendKafkaMessage(
                                ALERTS_TOPIC, String.valueOf(alert.data().get("patient_id")), alert)
                        .toCompletableFuture()
                        .join());
    }

    private void checkBloodPressure(VitalSign reading, MessageContext context) {
        remember(reading, "blood_pressure", reading.systolic() + "/" + reading.diastolic());
        if (reading.systolic() == null || reading.diastolic() == null) {
            throw new IllegalArgumentException("A blood_pressure reading needs systolic and diastolic values");
        }
        if (reading.systolic() >= 140 || reading.diastolic() >= 90) {
            alert(reading, "hypertension", reading.systolic() + "/" + reading.diastolic() + " mmHg", context);
        }
    }

    private void checkHeartRate(VitalSign reading, MessageContext context) {
        if (reading.value() == null) {
            throw new IllegalArgumentException("A heart_rate reading needs a value");
        }
        remember(reading, "heart_rate", reading.value());
        if (reading.value() > 100) {
            alert(reading, "tachycardia", reading.value() + " bpm", context);
        } else if (reading.value() < 50) {
            alert(reading, "bradycardia", reading.value() + " bpm", context);
        }
    }

    private void alert(VitalSign reading, String condition, String measured, MessageContext context) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("patient_id", reading.patientId());
        data.put("alert", condition);
        data.put("reading", measured);
        emit(RealtimeEvent.of(EventType.ALERT_TRIGGERED, data).withCorrelationId(reading.patientId()))
                .toCompletableFuture()
                .join();
    }

    private void remember(VitalSign reading, String kind, Object value) {
        latest.computeIfAbsent(reading.patientId(), id -> new ConcurrentHashMap<>())
                .put(kind, value);
    }

    @Override
    protected Set<String> supportedTaskTypes() {
        return Set.of("analyze_health");
    }

    @Override
    protected TaskProcessor createProcessor() {
        return request -> {
            Object patient = request.parameters().get("patient_id");
            if (patient == null) {
                throw new IllegalArgumentException("parameters.patient_id is required");
            }
            return Map.of("patient_id", patient, "latest", latest.getOrDefault(patient.toString(), Map.of()));
        };
    }

    /** Runs the agent with configuration from the environment. */
    public static void main(String[] args) {
        RealtimeAgents.app(HealthAgent::new)
                .description("Real-time health data processing agent")
                .endpoint("/analyze-health", "analyze_health")
                .args(args)
                .runUntilStopped();
    }
}
