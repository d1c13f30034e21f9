package io.realtimeagents.testkit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension behind {@link WithKafka}. It starts the shared broker before the test class, so a broker that
 * cannot start fails the class at once, and it resolves parameters of two types:
 *
 * <ul>
 *   <li>{@link KafkaBroker}: the shared broker, {@link KafkaBrokers#shared()};
 *   <li>{@link KafkaTestClient}: a new client of the shared broker for each parameter, closed when the scope that
 *       asked for it ends (after the test for a test method parameter, after the class for a {@code @BeforeAll}
 *       parameter).
 * </ul>
 */
public final class KafkaBrokerExtension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(KafkaBrokerExtension.class);

    /** Creates the extension; JUnit does this when it meets {@link WithKafka}. */
    public KafkaBrokerExtension() {}

    /** Starts the shared broker, if no earlier test class has. */
    @Override
    public void beforeAll(ExtensionContext context) {
        KafkaBrokers.shared();
    }

    /** Whether the parameter is a {@link KafkaBroker} or a {@link KafkaTestClient}. */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == KafkaBroker.class || type == KafkaTestClient.class;
    }

    /** The shared broker, or a new client registered for closing at the end of {@code extensionContext}. */
    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        KafkaBroker broker = KafkaBrokers.shared();
        if (parameterContext.getParameter().getType() == KafkaBroker.class) {
            return broker;
        }
        KafkaTestClient client = KafkaTestClient.create(broker);
        extensionContext.getStore(NAMESPACE).put(client, client);
        return client;
    }
}
