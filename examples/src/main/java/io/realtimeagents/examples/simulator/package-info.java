/**
 * A simulator of bedside monitors: realistic vital signs of a few patients published over MQTT 5, with scripted
 * episodes (tachycardia, bradycardia, hypertensive crisis, hypoxemia, fever) that start, persist and recover, so the
 * health agents have alerts to raise and resolve. {@link io.realtimeagents.examples.simulator.VitalsGenerator} makes
 * the readings, {@link io.realtimeagents.examples.simulator.VitalsSimulator} publishes them.
 */
package io.realtimeagents.examples.simulator;
