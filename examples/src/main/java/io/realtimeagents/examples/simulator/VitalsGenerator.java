package io.realtimeagents.examples.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Makes the readings of the simulated patients, one tick at a time: each tick, one reading of each vital of each
 * patient. Patients are named {@code p-001}, {@code p-002}, ...; their baselines, noise and episodes follow from the
 * seed, so two generators of the same seed make the same readings (up to the timestamps).
 */
public final class VitalsGenerator {
    private final List<SimulatedPatient> patients = new ArrayList<>();
    private final EpisodeSchedule schedule;
    private final Random noise;
    private long tick;

    /**
     * A generator.
     *
     * @param patients how many patients, at least 1
     * @param seed the seed of every random choice
     */
    public VitalsGenerator(int patients, long seed) {
        if (patients < 1) {
            throw new IllegalArgumentException("Invalid value " + patients + " for patients: simulate at least 1");
        }
        Random baselines = new Random(seed);
        for (int i = 0; i < patients; i++) {
            this.patients.add(new SimulatedPatient(patientId(i), SimulatedPatient.randomBaseline(baselines)));
        }
        this.schedule = new EpisodeSchedule(
                this.patients.stream().map(SimulatedPatient::baseline).toList(), seed + 1);
        this.noise = new Random(seed + 2);
    }

    /** The id of the patient of index {@code index} (from 0): {@code p-001} for 0. */
    public static String patientId(int index) {
        return String.format("p-%03d", index + 1);
    }

    /** The readings of the next tick, all measured {@code now}. */
    public List<SimulatedReading> next(Instant now) {
        List<SimulatedReading> readings = new ArrayList<>();
        for (int i = 0; i < patients.size(); i++) {
            Episode episode = schedule.at(i, tick);
            double intensity = episode == null ? 0 : episode.intensity(tick);
            readings.addAll(patients.get(i).next(now, episode, intensity, noise));
        }
        tick++;
        return readings;
    }

    /** How many ticks have been made. */
    public long ticks() {
        return tick;
    }

    /** The episodes that start within the first {@code ticks} ticks, in order. */
    List<Episode> episodes(long ticks) {
        return schedule.upTo(ticks - 1);
    }
}
