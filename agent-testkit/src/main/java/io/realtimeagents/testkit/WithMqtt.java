package io.realtimeagents.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a JUnit 5 test class a real MQTT 5 broker: the JVM-wide {@link MqttBrokers#shared()} broker is started before
 * the class runs, and parameters of type {@link MqttBroker} or {@link MqttTestClient} are injected. Combine it with
 * {@link WithKafka} for agents that use both. See {@link MqttBrokerExtension}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(MqttBrokerExtension.class)
public @interface WithMqtt {}
