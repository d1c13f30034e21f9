package io.realtimeagents.examples.quickstart;

import io.realtimeagents.agent.RealtimeAgent;
import io.realtimeagents.agent.RealtimeAgents;
import io.realtimeagents.common.model.EventType;
import java.util.Map;

public class HeartRateAgent extends RealtimeAgent {
    record HeartRate(String patientId, int bpm) {} // {"patient_id": "p1", "bpm": 120}

    @Override
    protected void initialize() {
        onMessage("heart_rate", HeartRate.class, (reading, context) -> {
            if (reading.bpm() > 100) {
                emit(EventType.ALERT_TRIGGERED, Map.of("patient_id", reading.patientId(), "bpm", reading.bpm()));
            }
        });
        onEvent(EventType.ALERT_TRIGGERED, (alert, context) -> sendKafkaMessage("health_alerts", context.key(), alert));
    }

    public static void main(String[] args) {
        RealtimeAgents.run(HeartRateAgent.class, args);
    }
}
