package io.realtimeagents.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a JUnit 5 test class a real Kafka broker: the JVM-wide {@link KafkaBrokers#shared()} broker is started before
 * the class runs, and constructor, lifecycle and test method parameters of type {@link KafkaBroker} or {@link
 * KafkaTestClient} are injected. See {@link KafkaBrokerExtension}.
 *
 * <pre>{@code
 * @WithKafka
 * class OrdersTest {
 *     @Test
 *     void roundTrip(KafkaTestClient kafka) {
 *         String topic = kafka.uniqueTopic("orders", 1);
 *         kafka.produce(topic, "k", "v");
 *         assertThat(kafka.consume(topic, 1, Duration.ofSeconds(10))).hasSize(1);
 *     }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(KafkaBrokerExtension.class)
public @interface WithKafka {}
