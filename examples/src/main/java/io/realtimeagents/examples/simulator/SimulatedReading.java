package io.realtimeagents.examples.simulator;

import io.realtimeagents.common.json.Json;
import io.realtimeagents.common.model.HealthDataModel;
import io.realtimeagents.examples.health.VitalKind;

/**
 * One reading the simulator publishes.
 *
 * @param patientId the patient, e.g. {@code p-001}
 * @param kind what was measured
 * @param data the reading as a device sends it
 */
public record SimulatedReading(String patientId, VitalKind kind, HealthDataModel data) {
    /** The MQTT topic: {@code devices/<patient>/vitals/<kind>}. */
    public String topic() {
        return "devices/" + patientId + "/vitals/" + kind.type();
    }

    /** The MQTT payload: the reading as snake_case JSON. */
    public byte[] payload() {
        return Json.encode(data);
    }
}
