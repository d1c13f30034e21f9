package io.realtimeagents.examples.simulator;

import io.realtimeagents.examples.health.Condition;
import java.util.Random;

/**
 * The episodes the simulator plays, each moving some vital signs of a patient towards an abnormal target: the
 * targets lie well past the alert thresholds of {@link io.realtimeagents.examples.health.ClinicalThresholds}, and the
 * rest of the patient's vitals stay at their baseline.
 */
public enum EpisodeKind {
    /** The heart rate rises to about 124 bpm. */
    TACHYCARDIA(Condition.TACHYCARDIA),
    /** The blood pressure climbs through stage 2 hypertension to a crisis of about 192/116 mmHg. */
    HYPERTENSIVE_CRISIS(Condition.HYPERTENSION),
    /** The oxygen saturation falls to about 89 %. */
    HYPOXEMIA(Condition.HYPOXEMIA),
    /** The temperature rises to about 38.8 °C. */
    FEVER(Condition.FEVER),
    /** The heart rate falls to about 44 bpm. */
    BRADYCARDIA(Condition.BRADYCARDIA);

    private final Condition condition;

    EpisodeKind(Condition condition) {
        this.condition = condition;
    }

    /** The condition the health agent should raise an alert for. */
    public Condition condition() {
        return condition;
    }

    /** The vitals at the height of the episode for a patient of the given baseline, with a little variation. */
    Vitals target(Vitals baseline, Random random) {
        double jitter = random.nextDouble() * 2 - 1;
        return switch (this) {
            case TACHYCARDIA -> withHeartRate(baseline, 124 + 4 * jitter);
            case BRADYCARDIA -> withHeartRate(baseline, 44 + 2 * jitter);
            case HYPERTENSIVE_CRISIS ->
                new Vitals(
                        baseline.heartRate(),
                        192 + 5 * jitter,
                        116 + 3 * jitter,
                        baseline.spo2(),
                        baseline.temperature());
            case HYPOXEMIA ->
                new Vitals(
                        baseline.heartRate(),
                        baseline.systolic(),
                        baseline.diastolic(),
                        89 + jitter,
                        baseline.temperature());
            case FEVER ->
                new Vitals(
                        baseline.heartRate(),
                        baseline.systolic(),
                        baseline.diastolic(),
                        baseline.spo2(),
                        38.8 + 0.3 * jitter);
        };
    }

    private static Vitals withHeartRate(Vitals baseline, double heartRate) {
        return new Vitals(
                heartRate, baseline.systolic(), baseline.diastolic(), baseline.spo2(), baseline.temperature());
    }
}
