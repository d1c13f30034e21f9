package io.realtimeagents.agent;

import io.realtimeagents.testkit.MqttBroker;
import io.realtimeagents.testkit.MqttBrokers;
import io.realtimeagents.testkit.WithKafka;
import io.realtimeagents.testkit.WithMqtt;

/**
 * The core MQTT suite against the test kit's broker: an embedded HiveMQ, or the one named by the test kit setting.
 */
@WithKafka
@WithMqtt
class MqttHiveMqIT extends MqttCoreSuite {
    @Override
    MqttBroker mqtt() {
        return MqttBrokers.shared();
    }

    /**
     * HiveMQ CE 2025.5 sometimes stops delivering QoS 1 messages of a shared subscription to a connected member (they
     * stay queued; its issue 558, seen here in about one run in six): the suite subscribes unshared against it.
     */
    @Override
    boolean sharedSubscriptionsReliable() {
        return false;
    }
}
