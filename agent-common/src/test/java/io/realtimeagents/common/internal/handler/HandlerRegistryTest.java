package io.realtimeagents.common.internal.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.realtimeagents.common.handler.EventHandler;
import io.realtimeagents.common.model.EventType;
import io.realtimeagents.common.model.RealtimeEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HandlerRegistryTest {

    private final HandlerRegistry registry = new HandlerRegistry();

    @Test
    void onMessage_registersARouteWithItsPayloadType() throws Exception {
        List<String> seen = new ArrayList<>();
        registry.onMessage("heart_rate", String.class, (payload, context) -> seen.add(payload));

        MessageRoute<?> route = registry.messageRoute("heart_rate");

        assertThat(route.messageType()).isEqualTo("heart_rate");
        assertThat(route.payloadType()).isEqualTo(String.class);
        route.invoke("72", null);
        assertThat(seen).containsExactly("72");
        assertThat(registry.messageTypes()).containsExactly("heart_rate");
    }

    @Test
    void onMessage_secondHandlerForTheSameType_failsNamingTheType() {
        registry.onMessage("heart_rate", String.class, (payload, context) -> {});

        assertThatIllegalStateException()
                .isThrownBy(() -> registry.onMessage("heart_rate", byte[].class, (payload, context) -> {}))
                .withMessage("Message type 'heart_rate' already has a handler: register one handler per message type");
        assertThat(registry.messageRoute("heart_rate").payloadType()).isEqualTo(String.class);
    }

    @Test
    void onMessage_blankOrNullType_isRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> registry.onMessage(" ", String.class, (payload, context) -> {}))
                .withMessage("messageType must not be blank, was ' '");
        assertThatNullPointerException()
                .isThrownBy(() -> registry.onMessage(null, String.class, (payload, context) -> {}))
                .withMessage("messageType must not be null");
        assertThatNullPointerException()
                .isThrownBy(() -> registry.onMessage("t", null, (payload, context) -> {}))
                .withMessage("payloadType must not be null");
        assertThatNullPointerException()
                .isThrownBy(() -> registry.onMessage("t", String.class, null))
                .withMessage("handler must not be null");
        assertThat(registry.messageTypes()).isEmpty();
    }

    @Test
    void messageRoute_unknownOrNullType_isNull() {
        assertThat(registry.messageRoute("nothing")).isNull();
        assertThat(registry.messageRoute(null)).isNull();
    }

    @Test
    void onEvent_severalHandlersPerType_runInRegistrationOrder() throws Exception {
        List<String> calls = new ArrayList<>();
        registry.onEvent(EventType.ALERT_TRIGGERED, (event, context) -> calls.add("first"));
        registry.onEvent(EventType.of("alert_triggered"), (event, context) -> calls.add("second"));
        registry.onEvent(EventType.ALERT_TRIGGERED, (event, context) -> calls.add("third"));
        registry.onEvent(EventType.ALERT_RESOLVED, (event, context) -> calls.add("other type"));

        RealtimeEvent event = RealtimeEvent.of(EventType.ALERT_TRIGGERED, Map.of());
        for (EventHandler handler : registry.eventHandlers(EventType.ALERT_TRIGGERED)) {
            handler.handle(event, null);
        }

        assertThat(calls).containsExactly("first", "second", "third");
        assertThat(registry.eventTypes())
                .containsExactlyInAnyOrder(EventType.ALERT_TRIGGERED, EventType.ALERT_RESOLVED);
        assertThat(registry.hasEventHandlers()).isTrue();
    }

    @Test
    void eventHandlers_areASnapshot() {
        EventHandler first = (event, context) -> {};
        registry.onEvent(EventType.DATA_RECEIVED, first);

        List<EventHandler> snapshot = registry.eventHandlers(EventType.DATA_RECEIVED);
        registry.onEvent(EventType.DATA_RECEIVED, (event, context) -> {});

        assertThat(snapshot).containsExactly(first);
        assertThat(registry.eventHandlers(EventType.DATA_RECEIVED)).hasSize(2);
    }

    @Test
    void eventHandlers_noneRegistered_isEmpty() {
        assertThat(registry.eventHandlers(EventType.DATA_RECEIVED)).isEmpty();
        assertThat(registry.hasEventHandlers()).isFalse();
        assertThat(registry.eventTypes()).isEmpty();
    }

    @Test
    void onEvent_nulls_areRejected() {
        assertThatNullPointerException()
                .isThrownBy(() -> registry.onEvent(null, (event, context) -> {}))
                .withMessage("eventType must not be null");
        assertThatNullPointerException()
                .isThrownBy(() -> registry.onEvent(EventType.DATA_RECEIVED, null))
                .withMessage("handler must not be null");
    }

    @Test
    void subscribeKafka_keepsTheTopicsInOrder_withTheirTypes() {
        registry.subscribeKafka("vitals", "heart_rate");
        registry.subscribeKafka("typed.readings", null);

        assertThat(registry.kafkaTopics()).containsExactly("vitals", "typed.readings");
        assertThat(registry.kafkaTopicType("vitals")).isEqualTo("heart_rate");
        assertThat(registry.kafkaTopicType("typed.readings")).isNull();
        assertThat(registry.kafkaTopicType("elsewhere")).isNull();
    }

    @Test
    void subscribeKafka_refusesBadTopicsTypesAndTwiceTheSameTopic() {
        registry.subscribeKafka("vitals", "heart_rate");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> registry.subscribeKafka("vitals", "other"))
                .withMessage("The Kafka topic 'vitals' is subscribed to twice");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> registry.subscribeKafka("wards/3", "x"))
                .withMessage("topic must be a Kafka topic name (1-249 of a-z A-Z 0-9 . _ -), was 'wards/3'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> registry.subscribeKafka("t", " "))
                .withMessage("messageType must not be blank, was ' '");
        assertThatNullPointerException()
                .isThrownBy(() -> registry.subscribeKafka(null, "x"))
                .withMessage("topic must not be null");
    }
}
