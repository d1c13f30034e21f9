package io.realtimeagents.benchmarks.kafka;

import java.time.Instant;

/**
 * A health reading as a bedside monitor sends it, about 200 bytes of snake_case JSON keyed by {@code patient_id}.
 *
 * @param patientId the patient, also the record key
 * @param deviceId the monitor
 * @param heartRate beats per minute
 * @param systolicBp systolic blood pressure, mmHg
 * @param diastolicBp diastolic blood pressure, mmHg
 * @param spo2 oxygen saturation, percent
 * @param temperatureC body temperature, degrees Celsius
 * @param respiratoryRate breaths per minute
 * @param timestamp when the monitor took the reading
 */
public record Reading(
        String patientId,
        String deviceId,
        int heartRate,
        int systolicBp,
        int diastolicBp,
        double spo2,
        double temperatureC,
        int respiratoryRate,
        Instant timestamp) {

    private static final Instant FIRST = Instant.parse("2026-11-02T08:00:00Z");
    /** Patients of the default series. */
    static final int PATIENTS = 2_000;

    /** The {@code index}-th reading of a deterministic series: 2,000 patients, varied vital signs. */
    public static Reading sample(long index) {
        return sample(index, PATIENTS);
    }

    /**
     * The {@code index}-th reading of a deterministic series of {@code patients} patients (the record keys), taken
     * round-robin; each patient's readings have increasing timestamps.
     */
    public static Reading sample(long index, int patients) {
        int i = (int) (index % 1_000_003);
        int patient = (int) (index % patients);
        return new Reading(
                "patient-" + (10_000 + patient),
                "monitor-" + (1_000 + patient % 1_000) + "-" + (char) ('a' + patient % 3),
                55 + i % 70,
                100 + i % 60,
                60 + i % 35,
                (900 + i % 100) / 10.0,
                (355 + i % 40) / 10.0,
                10 + i % 20,
                FIRST.plusMillis(index * 7));
    }

    /** This reading, taken at {@code time}. */
    public Reading at(Instant time) {
        return new Reading(
                patientId, deviceId, heartRate, systolicBp, diastolicBp, spo2, temperatureC, respiratoryRate, time);
    }
}
