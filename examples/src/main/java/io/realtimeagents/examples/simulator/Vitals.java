package io.realtimeagents.examples.simulator;

/**
 * One set of vital signs, as numbers: a patient's baseline, an episode's target, or a deviation from either.
 *
 * @param heartRate beats per minute
 * @param systolic systolic blood pressure, mmHg
 * @param diastolic diastolic blood pressure, mmHg
 * @param spo2 oxygen saturation, %
 * @param temperature body temperature, °C
 */
record Vitals(double heartRate, double systolic, double diastolic, double spo2, double temperature) {
    /** The point {@code fraction} of the way from this to {@code target} (0: this, 1: the target). */
    Vitals towards(Vitals target, double fraction) {
        return new Vitals(
                heartRate + fraction * (target.heartRate - heartRate),
                systolic + fraction * (target.systolic - systolic),
                diastolic + fraction * (target.diastolic - diastolic),
                spo2 + fraction * (target.spo2 - spo2),
                temperature + fraction * (target.temperature - temperature));
    }

    /** The sum of this and a deviation. */
    Vitals plus(Vitals deviation) {
        return new Vitals(
                heartRate + deviation.heartRate,
                systolic + deviation.systolic,
                diastolic + deviation.diastolic,
                spo2 + deviation.spo2,
                temperature + deviation.temperature);
    }
}
