package io.realtimeagents.examples.health;

import java.time.Instant;

/**
 * One vital-sign reading of a patient as it arrives on Kafka.
 *
 * @param patientId the patient, also the record key
 * @param value the measured value (beats per minute for heart rate)
 * @param systolic systolic pressure in mmHg (blood pressure only)
 * @param diastolic diastolic pressure in mmHg (blood pressure only)
 * @param timestamp when it was measured
 */
public record VitalSign(String patientId, Double value, Integer systolic, Integer diastolic, Instant timestamp) {}
