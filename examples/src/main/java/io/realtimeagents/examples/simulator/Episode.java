package io.realtimeagents.examples.simulator;

/**
 * One scripted episode of one patient: the vitals move towards the target over the onset, stay there for the
 * plateau, and return to the baseline over the recovery. Times are in ticks (one reading of each vital per tick).
 *
 * @param patient the patient's index, from 0
 * @param kind what happens
 * @param start the tick of the first affected reading
 * @param onset ticks until the target is reached
 * @param plateau ticks at the target
 * @param recovery ticks back to the baseline
 * @param target the vitals at the height of the episode
 */
record Episode(int patient, EpisodeKind kind, long start, int onset, int plateau, int recovery, Vitals target) {
    /** The first tick after the episode. */
    long end() {
        return start + onset + plateau + recovery;
    }

    /** Whether the tick lies within the episode. */
    boolean covers(long tick) {
        return tick >= start && tick < end();
    }

    /** How far the vitals are from the baseline towards the target at the tick: 0 outside, 1 on the plateau. */
    double intensity(long tick) {
        if (!covers(tick)) {
            return 0;
        }
        long elapsed = tick - start;
        if (elapsed < onset) {
            return (elapsed + 1.0) / onset;
        }
        if (elapsed < onset + plateau) {
            return 1;
        }
        return 1 - (elapsed - onset - plateau + 1.0) / recovery;
    }
}
