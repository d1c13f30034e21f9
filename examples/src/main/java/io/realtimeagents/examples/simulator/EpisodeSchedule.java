package io.realtimeagents.examples.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * When which patient has which episode: the first, a tachycardia of the first patient, starts at tick
 * {@value #FIRST_START} so that a demo shows an alert within seconds; then one every {@value #GAP} to
 * {@value #GAP} + {@value #GAP_JITTER} ticks, going round the patients and the {@link EpisodeKind}s. A patient has
 * one episode at a time and some quiet ticks between two. Deterministic for a seed.
 */
final class EpisodeSchedule {
    /** The tick the first episode starts at. */
    static final long FIRST_START = 8;
    /** Ticks between the starts of two episodes, at least. */
    static final int GAP = 20;
    /** Extra ticks between two starts, at most (random). */
    static final int GAP_JITTER = 6;
    /** Ticks from the baseline to the target. */
    static final int ONSET = 4;
    /** Ticks at the target, at least. */
    static final int PLATEAU = 15;
    /** Extra ticks at the target, at most (random). */
    static final int PLATEAU_JITTER = 15;
    /** Ticks back to the baseline. */
    static final int RECOVERY = 4;
    /** Quiet ticks of a patient after an episode, before the next. */
    static final int REST = 10;

    private final List<Vitals> baselines;
    private final Random random;
    private final List<Episode> episodes = new ArrayList<>();
    private final long[] freeFrom;
    private long nextStart = FIRST_START;
    private int count;

    EpisodeSchedule(List<Vitals> baselines, long seed) {
        this.baselines = List.copyOf(baselines);
        this.random = new Random(seed);
        this.freeFrom = new long[baselines.size()];
    }

    /** The patient's episode at the tick, or null. */
    Episode at(int patient, long tick) {
        extendTo(tick);
        for (Episode episode : episodes) {
            if (episode.patient() == patient && episode.covers(tick)) {
                return episode;
            }
        }
        return null;
    }

    /** The episodes that start at or before the tick, in order. */
    List<Episode> upTo(long tick) {
        extendTo(tick);
        return episodes.stream().filter(episode -> episode.start() <= tick).toList();
    }

    private void extendTo(long tick) {
        while (nextStart <= tick) {
            int patient = freePatient(nextStart);
            if (patient >= 0) {
                EpisodeKind kind = EpisodeKind.values()[count % EpisodeKind.values().length];
                Vitals target = kind.target(baselines.get(patient), random);
                int plateau = PLATEAU + random.nextInt(PLATEAU_JITTER + 1);
                Episode episode = new Episode(patient, kind, nextStart, ONSET, plateau, RECOVERY, target);
                episodes.add(episode);
                freeFrom[patient] = episode.end() + REST;
                count++;
            }
            nextStart += GAP + random.nextInt(GAP_JITTER + 1);
        }
    }

    /** The next patient in turn who is free at the tick, or -1 when all are busy. */
    private int freePatient(long tick) {
        for (int i = 0; i < freeFrom.length; i++) {
            int patient = (count + i) % freeFrom.length;
            if (freeFrom[patient] <= tick) {
                return patient;
            }
        }
        return -1;
    }
}
