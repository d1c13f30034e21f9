package io.realtimeagents.examples.health;

import io.realtimeagents.agent.RealtimeAgent;
import io.realtimeagents.agent.RealtimeAgents;
import io.realtimeagents.common.config.AgentConfig;

/**
 * The device gateway: forwards the vitals devices publish over MQTT, on {@value #DEVICE_TOPICS}, to the Kafka topic
 * {@value HealthAgent#VITALS_TOPIC}, keyed by the patient of the topic, so that the {@link HealthAgent}'s replicas
 * share the patients and see each patient's readings in order.
 *
 * <p>It needs no code: the bridge is declared in the configuration, and the framework acknowledges each MQTT message
 * only once Kafka stored it. The message type travels along as the {@code message_type} header, taken from the MQTT 5
 * user property of that name that devices set. The gateway does not look into the readings: validation happens in
 * the health agent, whose dead-letter topic then holds whatever a device got wrong.
 *
 * <p>Run it with the environment {@code MQTT_HOST=broker MQTT_BRIDGES='devices/{patient}/vitals/#=health.vitals:patient'
 * KAFKA_BOOTSTRAP_SERVERS=...}, or in code with {@link #bridgeVitals(AgentConfig.Builder)}. Run one replica: a device
 * topic keeps its order while one gateway receives it, and a shared subscription would spread its messages over
 * several.
 */
public final class VitalsGatewayAgent extends RealtimeAgent {
    /** The MQTT topics devices publish readings to; the last level is the kind, e.g. {@code heart_rate}. */
    public static final String DEVICE_TOPICS = "devices/{patient}/vitals/#";
    /** The bridge in the configuration syntax ({@code MQTT_BRIDGES}). */
    public static final String BRIDGE = DEVICE_TOPICS + "=" + HealthAgent.VITALS_TOPIC + ":patient@1";

    /** Adds the bridge of device vitals to a configuration. */
    public static AgentConfig.Builder bridgeVitals(AgentConfig.Builder config) {
        return config.mqttBridge(BRIDGE);
    }

    /** The gateway application; give it a configuration with the bridge, or arguments, then start it. */
    public static RealtimeAgents.App app() {
        return RealtimeAgents.app(VitalsGatewayAgent::new)
                .description("Device gateway: bridges vitals from MQTT to Kafka, keyed by patient");
    }

    /** Runs the gateway with configuration from the environment (see the class description). */
    public static void main(String[] args) {
        app().args(args).runUntilStopped();
    }
}
