/**
 * Example health-data agents built only on the public API of Realtime Agents.
 *
 * <ul>
 *   <li>{@link io.realtimeagents.examples.health.VitalsGatewayAgent}: bridges device vitals from MQTT to Kafka, keyed
 *       by patient, by configuration alone.
 *   <li>{@link io.realtimeagents.examples.health.HealthAgent}: handles the readings, raises alerts and pushes both to
 *       browsers; its logic is in {@link io.realtimeagents.examples.health.HealthMonitor}.
 *   <li>The domain: {@link io.realtimeagents.examples.health.ReadingValidator} (units and plausible ranges),
 *       {@link io.realtimeagents.examples.health.ClinicalThresholds} (what readings mean, with sources) and
 *       {@link io.realtimeagents.examples.health.EpisodeTracker} (one alert per episode).
 * </ul>
 */
package io.realtimeagents.examples.health;
