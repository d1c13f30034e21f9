package io.realtimeagents.examples.health;

import io.realtimeagents.common.json.Json;
import io.realtimeagents.common.model.HealthDataModel;
import java.time.Instant;
import java.util.Map;

/** Device readings for tests, as the wire carries them. */
public final class Readings {
    private Readings() {}

    /** A single-valued reading in the kind's unit. */
    public static HealthDataModel single(String patient, VitalKind kind, double value, Instant at) {
        return model(patient, kind.type(), value, kind.unit(), at);
    }

    /** A blood-pressure reading in mmHg. */
    public static HealthDataModel pressure(String patient, double systolic, double diastolic, Instant at) {
        return model(patient, "blood_pressure", Map.of("systolic", systolic, "diastolic", diastolic), "mmHg", at);
    }

    /** Any reading: the value is converted to JSON as it is. */
    public static HealthDataModel model(String patient, String dataType, Object value, String unit, Instant at) {
        return new HealthDataModel(
                patient, "monitor-" + patient, dataType, Json.mapper().valueToTree(value), unit, at, null);
    }

    /** The reading as JSON text. */
    public static String json(HealthDataModel data) {
        return Json.encodeToString(data);
    }
}
