package io.realtimeagents.examples.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.realtimeagents.common.model.HealthDataModel;
import io.realtimeagents.examples.health.VitalKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One simulated patient: a baseline, and measurement noise that wanders around it the way monitored values do (each
 * reading pulled back towards the baseline, plus a small random step), shifted towards an episode's target while one
 * runs. The noise stays well within the normal ranges, so only episodes cause alerts.
 */
final class SimulatedPatient {
    /** How strongly each reading's deviation is pulled back towards zero. */
    private static final double PULL_BACK = 0.3;
    /** The random step of each vital per reading (standard deviation). */
    private static final Vitals STEP = new Vitals(1.5, 2.0, 1.5, 0.4, 0.04);

    private final String id;
    private final String deviceId;
    private final Vitals baseline;
    private Vitals deviation = new Vitals(0, 0, 0, 0, 0);

    SimulatedPatient(String id, Vitals baseline) {
        this.id = id;
        this.deviceId = "monitor-" + id;
        this.baseline = baseline;
    }

    /** A plausible healthy adult at rest. */
    static Vitals randomBaseline(Random random) {
        return new Vitals(
                62 + random.nextInt(23),
                108 + random.nextInt(17),
                68 + random.nextInt(10),
                96.5 + 2 * random.nextDouble(),
                36.5 + 0.5 * random.nextDouble());
    }

    String id() {
        return id;
    }

    Vitals baseline() {
        return baseline;
    }

    /** The next reading of each vital, measured now, shifted by the episode at its intensity (null: none). */
    List<SimulatedReading> next(Instant now, Episode episode, double intensity, Random random) {
        deviation = new Vitals(
                wander(deviation.heartRate(), STEP.heartRate(), random),
                wander(deviation.systolic(), STEP.systolic(), random),
                wander(deviation.diastolic(), STEP.diastolic(), random),
                wander(deviation.spo2(), STEP.spo2(), random),
                wander(deviation.temperature(), STEP.temperature(), random));
        Vitals expected = episode == null ? baseline : baseline.towards(episode.target(), intensity);
        Vitals measured = expected.plus(deviation);
        ObjectNode pressure = JsonNodeFactory.instance.objectNode();
        pressure.put("systolic", Math.round(measured.systolic()));
        pressure.put("diastolic", Math.round(measured.diastolic()));
        List<SimulatedReading> readings = new ArrayList<>();
        readings.add(reading(VitalKind.BLOOD_PRESSURE, pressure, now));
        readings.add(reading(VitalKind.HEART_RATE, whole(measured.heartRate()), now));
        readings.add(reading(VitalKind.SPO2, whole(Math.min(100, measured.spo2())), now));
        readings.add(reading(
                VitalKind.TEMPERATURE,
                JsonNodeFactory.instance.numberNode(Math.round(measured.temperature() * 10) / 10.0),
                now));
        return readings;
    }

    private SimulatedReading reading(VitalKind kind, JsonNode value, Instant now) {
        return new SimulatedReading(
                id, kind, new HealthDataModel(id, deviceId, kind.type(), value, kind.unit(), now, null));
    }

    private static JsonNode whole(double value) {
        return JsonNodeFactory.instance.numberNode(Math.round(value));
    }

    private static double wander(double deviation, double step, Random random) {
        return deviation * (1 - PULL_BACK) + step * random.nextGaussian();
    }
}
