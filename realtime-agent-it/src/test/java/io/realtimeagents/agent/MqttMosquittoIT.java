package io.realtimeagents.agent;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.realtimeagents.agent.support.MqttTestAgents;
import io.realtimeagents.testkit.MqttBroker;
import io.realtimeagents.testkit.WithKafka;
import org.junit.jupiter.api.BeforeAll;

/**
 * The core MQTT suite against a Mosquitto (127.0.0.1:1883 unless {@code REALTIME_AGENTS_TEST_MOSQUITTO} names
 * another); skipped, saying how to enable it, when none answers.
 */
@WithKafka
class MqttMosquittoIT extends MqttCoreSuite {
    private static MqttBroker mosquitto;
    private static String unavailable;

    @BeforeAll
    static void findMosquitto() {
        StringBuilder why = new StringBuilder();
        mosquitto = MqttTestAgents.mosquitto(why);
        unavailable = why.toString();
    }

    @Override
    boolean sharedSubscriptionsReliable() {
        return true;
    }

    @Override
    MqttBroker mqtt() {
        assumeTrue(mosquitto != null, () -> "Mosquitto interoperability suite skipped: " + unavailable);
        return mosquitto;
    }
}
