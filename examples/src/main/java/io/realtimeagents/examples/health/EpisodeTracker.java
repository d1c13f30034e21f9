package io.realtimeagents.examples.health;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a stream of classified readings into alerts, one per episode rather than one per reading. An episode of a
 * condition starts with a patient's first reading that shows it (an {@link Alert.Status#ACTIVE} alert) and ends
 * after {@code resolveAfter} consecutive readings of the same kind that do not (a {@link Alert.Status#RESOLVED}
 * alert); abnormal readings in between raise nothing, so a patient who stays tachycardic for an hour gets one alert.
 *
 * <p>When a reading within an episode is more severe than any before (a stage 2 hypertension turning into a
 * hypertensive crisis), the alert is published again, active, with the same id and the higher severity; the
 * severity never goes down within an episode.
 *
 * <p>Readings of one patient must be observed in the order they were measured, per kind; readings of different
 * patients may be observed concurrently. The state is held in memory; a restarting agent rebuilds it from the alerts
 * it published ({@link #restore}), so an episode that outlives an agent keeps its alert and is resolved once.
 */
public final class EpisodeTracker {
    /** How many consecutive normal readings end an episode, by default. */
    public static final int DEFAULT_RESOLVE_AFTER = 3;

    private final int resolveAfter;
    private final Map<String, PatientEpisodes> patients = new ConcurrentHashMap<>();

    /**
     * A tracker.
     *
     * @param resolveAfter how many consecutive normal readings end an episode, at least 1
     * @throws IllegalArgumentException naming the bad value
     */
    public EpisodeTracker(int resolveAfter) {
        if (resolveAfter < 1) {
            throw new IllegalArgumentException("Invalid value " + resolveAfter
                    + " for resolveAfter: an episode ends after at least 1 normal reading; the default is "
                    + DEFAULT_RESOLVE_AFTER);
        }
        this.resolveAfter = resolveAfter;
    }

    /** How many consecutive normal readings end an episode. */
    public int resolveAfter() {
        return resolveAfter;
    }

    /**
     * Takes the next reading of a patient into account.
     *
     * @param reading the reading
     * @param classification its classification
     * @return the alerts it causes: none for most readings; a started, escalated or resolved episode otherwise
     */
    public List<Alert> observe(VitalReading reading, Classification classification) {
        PatientEpisodes episodes = patients.computeIfAbsent(reading.patientId(), id -> new PatientEpisodes());
        synchronized (episodes) {
            List<Alert> alerts = new ArrayList<>();
            for (Condition condition : Condition.shownBy(reading.kind())) {
                Finding finding = classification.findingOf(condition);
                Episode episode = episodes.open.get(condition);
                if (finding != null) {
                    abnormal(episodes, episode, reading, finding, alerts);
                } else if (episode != null && ++episode.normalReadings >= resolveAfter) {
                    episodes.open.remove(condition);
                    alerts.add(episode.resolved(reading));
                }
            }
            return alerts;
        }
    }

    private static void abnormal(
            PatientEpisodes episodes, Episode episode, VitalReading reading, Finding finding, List<Alert> alerts) {
        if (episode == null) {
            Episode started = new Episode(finding, reading.timestamp());
            episodes.open.put(finding.condition(), started);
            alerts.add(started.active(reading));
            return;
        }
        episode.normalReadings = 0;
        if (finding.severity().isAbove(episode.finding.severity())) {
            episode.finding = finding;
            alerts.add(episode.active(reading));
        }
    }

    /**
     * Takes an alert published earlier into account, oldest first: an active one (re)opens its episode with its id,
     * start and severity; a resolved one closes it.
     */
    public void restore(Alert alert) {
        PatientEpisodes episodes = patients.computeIfAbsent(alert.patientId(), id -> new PatientEpisodes());
        synchronized (episodes) {
            if (!alert.isActive()) {
                episodes.open.remove(alert.condition());
                return;
            }
            String label = alert.message().substring(alert.message().lastIndexOf(": ") + 2);
            Episode episode = new Episode(
                    alert.alertId(), new Finding(alert.condition(), alert.severity(), label), alert.startedAt());
            episode.latest = alert;
            episodes.open.put(alert.condition(), episode);
        }
    }

    /** The patient's open episodes, as active alerts about the reading that started or last escalated each. */
    public List<Alert> active(String patientId) {
        PatientEpisodes episodes = patients.get(patientId);
        if (episodes == null) {
            return List.of();
        }
        synchronized (episodes) {
            return episodes.open.values().stream()
                    .map(episode -> episode.latest)
                    .toList();
        }
    }

    /** The open episodes of one patient, by condition; guarded by its own monitor. */
    private static final class PatientEpisodes {
        final Map<Condition, Episode> open = new EnumMap<>(Condition.class);
    }

    /** One open episode. */
    private static final class Episode {
        final String alertId;
        final Instant startedAt;
        Finding finding;
        Alert latest;
        int normalReadings;

        Episode(Finding finding, Instant startedAt) {
            this(UUID.randomUUID().toString(), finding, startedAt);
        }

        Episode(String alertId, Finding finding, Instant startedAt) {
            this.alertId = alertId;
            this.finding = finding;
            this.startedAt = startedAt;
        }

        Alert active(VitalReading reading) {
            String message = reading.kind().label() + " " + reading.display() + ": " + finding.label();
            latest = alert(Alert.Status.ACTIVE, message, reading, null);
            return latest;
        }

        Alert resolved(VitalReading reading) {
            String message = reading.kind().label() + " " + reading.display() + ": "
                    + finding.condition().wire() + " resolved";
            return alert(Alert.Status.RESOLVED, message, reading, reading.timestamp());
        }

        private Alert alert(Alert.Status status, String message, VitalReading reading, Instant resolvedAt) {
            return new Alert(
                    alertId,
                    reading.patientId(),
                    finding.condition(),
                    finding.severity(),
                    status,
                    message,
                    reading,
                    startedAt,
                    resolvedAt);
        }
    }
}
