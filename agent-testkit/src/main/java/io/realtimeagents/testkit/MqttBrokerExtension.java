package io.realtimeagents.testkit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension behind {@link WithMqtt}: starts the shared MQTT broker before the test class and resolves
 * parameters of type {@link MqttBroker} (the shared broker) and {@link MqttTestClient} (a new connected client per
 * parameter, closed when the scope that asked for it ends).
 */
public final class MqttBrokerExtension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(MqttBrokerExtension.class);

    /** Creates the extension; JUnit does this when it meets {@link WithMqtt}. */
    public MqttBrokerExtension() {}

    /** Starts the shared broker, if no earlier test class has; it stops when the test plan ends. */
    @Override
    public void beforeAll(ExtensionContext context) {
        MqttBrokers.shared();
        context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(SharedBrokerStopper.class, key -> new SharedBrokerStopper());
    }

    /** Closed by JUnit at the end of the test plan: stops the shared broker. */
    private static final class SharedBrokerStopper implements AutoCloseable {
        @Override
        public void close() {
            MqttBrokers.stopShared();
        }
    }

    /** Whether the parameter is a {@link MqttBroker} or a {@link MqttTestClient}. */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == MqttBroker.class || type == MqttTestClient.class;
    }

    /** The shared broker, or a new client registered for closing at the end of {@code extensionContext}. */
    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        MqttBroker broker = MqttBrokers.shared();
        if (parameterContext.getParameter().getType() == MqttBroker.class) {
            return broker;
        }
        MqttTestClient client = MqttTestClient.connect(broker);
        extensionContext.getStore(NAMESPACE).put(client, client);
        return client;
    }
}
