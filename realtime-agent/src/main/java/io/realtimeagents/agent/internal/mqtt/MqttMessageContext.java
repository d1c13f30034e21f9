package io.realtimeagents.agent.internal.mqtt;

import io.realtimeagents.agent.internal.delivery.Handling;
import io.realtimeagents.common.handler.MqttContext;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** The {@link MqttContext} of an MQTT message: topic variables, user properties as headers, content type, QoS. */
final class MqttMessageContext implements MqttContext {
    private final MqttInbound message;
    private final String messageType;
    private final int attempt;
    private final Handling handling;

    MqttMessageContext(MqttInbound message, String messageType, int attempt, Handling handling) {
        this.message = message;
        this.messageType = messageType;
        this.attempt = attempt;
        this.handling = handling;
    }

    @Override
    public String topic() {
        return message.topic();
    }

    @Override
    public String key() {
        return null;
    }

    @Override
    public String messageType() {
        return messageType;
    }

    @Override
    public Map<String, String> headers() {
        return message.userProperties();
    }

    @Override
    public Instant timestamp() {
        return message.receivedAt();
    }

    @Override
    public String correlationId() {
        return handling.propagation().correlationId();
    }

    @Override
    public int attempt() {
        return attempt;
    }

    @Override
    public Map<String, String> topicVariables() {
        return message.route().variables();
    }

    @Override
    public String contentType() {
        return message.contentType();
    }

    @Override
    public int qos() {
        return message.qos();
    }

    @Override
    public String toString() {
        return message.describe() + " (" + messageType + ", attempt " + attempt + ")";
    }

    @Override
    public <T> CompletionStage<T> track(CompletionStage<T> output) {
        return handling.attach(output, "an output tracked by the handler");
    }
}
