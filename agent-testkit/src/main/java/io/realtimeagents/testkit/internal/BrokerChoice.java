package io.realtimeagents.testkit.internal;

import io.realtimeagents.testkit.KafkaBroker;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * Decides which broker the JVM-wide one is, from the setting {@value #SETTING} (system property first, then
 * environment variable) and whether a Docker engine answers.
 *
 * @param mode how the broker is obtained
 * @param bootstrapServers the external broker's address for {@link Mode#EXTERNAL}, empty otherwise
 */
public record BrokerChoice(Mode mode, String bootstrapServers) {
    /** Name of the system property and of the environment variable. */
    public static final String SETTING = "REALTIME_AGENTS_TEST_KAFKA";

    private static final Logger LOG = LoggerFactory.getLogger(BrokerChoice.class);
    private static final String EXTERNAL_PREFIX = "external:";

    /** How the broker is obtained. */
    public enum Mode {
        /** A container when Docker is available, an in-JVM broker otherwise. */
        AUTO,
        /** Always an in-JVM broker. */
        EMBEDDED,
        /** Always a container; fails without Docker. */
        TESTCONTAINERS,
        /** An existing broker that the test kit neither starts nor stops. */
        EXTERNAL
    }

    /** Reads the setting from the system properties and the environment. */
    public static BrokerChoice fromEnvironment() {
        String value = System.getProperty(SETTING);
        return parse(value != null ? value : System.getenv(SETTING));
    }

    /**
     * Parses a value of the setting: absent, empty or {@code auto}; {@code embedded}; {@code testcontainers}; or
     * {@code external:<bootstrap servers>}.
     *
     * @throws IllegalArgumentException naming the bad value and the accepted ones
     */
    public static BrokerChoice parse(String value) {
        String text = value == null ? "" : value.strip();
        if (text.regionMatches(true, 0, EXTERNAL_PREFIX, 0, EXTERNAL_PREFIX.length())) {
            String bootstrap = text.substring(EXTERNAL_PREFIX.length()).strip();
            if (!bootstrap.isEmpty()) {
                return new BrokerChoice(Mode.EXTERNAL, bootstrap);
            }
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "", "auto" -> new BrokerChoice(Mode.AUTO, "");
            case "embedded" -> new BrokerChoice(Mode.EMBEDDED, "");
            case "testcontainers" -> new BrokerChoice(Mode.TESTCONTAINERS, "");
            default ->
                throw new IllegalArgumentException("Invalid value '" + value + "' for " + SETTING
                        + ": use external:<host:port>[,<host:port>...], embedded, testcontainers, or leave it unset to"
                        + " use a container when Docker is available and an in-JVM broker otherwise");
        };
    }

    /** Starts (or, for an external broker, connects to) the chosen broker. */
    public KafkaBroker start() {
        return switch (mode) {
            case EXTERNAL -> new ExternalKafkaBroker(bootstrapServers);
            case EMBEDDED -> EmbeddedKraftBroker.start();
            case TESTCONTAINERS -> ContainerKafkaBroker.start();
            case AUTO -> startAutomatically();
        };
    }

    private static KafkaBroker startAutomatically() {
        if (dockerAvailable()) {
            LOG.info("Docker is available: starting a Kafka container ({} to choose otherwise)", SETTING);
            return ContainerKafkaBroker.start();
        }
        LOG.info("No Docker engine found: starting an in-JVM Kafka broker ({} to choose otherwise)", SETTING);
        return EmbeddedKraftBroker.start();
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            LOG.debug("Docker probe failed", e);
            return false;
        }
    }
}
