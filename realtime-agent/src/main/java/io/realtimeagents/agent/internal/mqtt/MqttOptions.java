package io.realtimeagents.agent.internal.mqtt;

import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import java.nio.charset.StandardCharsets;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;

/** Paho connection options from the agent's configuration. */
final class MqttOptions {
    private static final int RECEIVE_MAXIMUM = 1000;
    private static final int CONNECT_TIMEOUT_SECONDS = 10;
    private static final int KEEP_ALIVE_SECONDS = 30;

    private MqttOptions() {}

    /**
     * A persistent session (clean start off, the configured expiry) that survives reconnects; automatic reconnection
     * with the configured backoff; at most {@value #RECEIVE_MAXIMUM} unacknowledged QoS 1/2 messages in flight;
     * TCP_NODELAY sockets (TLS when configured); user name and password when configured.
     */
    static MqttConnectionOptions of(AgentConfig config) {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(false);
        options.setSessionExpiryInterval(
                config.get(AgentSettings.MQTT_SESSION_EXPIRY).toSeconds());
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(
                (int) config.get(AgentSettings.MQTT_RECONNECT_BACKOFF).toSeconds(),
                (int) config.get(AgentSettings.MQTT_RECONNECT_BACKOFF_MAX).toSeconds());
        options.setReceiveMaximum(RECEIVE_MAXIMUM);
        options.setConnectionTimeout(CONNECT_TIMEOUT_SECONDS);
        options.setKeepAliveInterval(KEEP_ALIVE_SECONDS);
        options.setUseSubscriptionIdentifiers(false);
        options.setSocketFactory(MqttSockets.factory(config));
        String user = config.get(AgentSettings.MQTT_USER);
        if (user != null) {
            options.setUserName(user);
        }
        String password = config.get(AgentSettings.MQTT_PASSWORD);
        if (password != null) {
            options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        }
        return options;
    }
}
