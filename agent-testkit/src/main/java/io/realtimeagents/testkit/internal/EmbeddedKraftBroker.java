package io.realtimeagents.testkit.internal;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kafka.server.BrokerServer;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node KRaft broker (broker and controller combined) running inside this JVM, built on Kafka's own {@link
 * KafkaClusterTestKit}. Its data lives in a temporary directory deleted on close.
 *
 * <p>The test kit binds its default listeners to the wildcard address; this class declares its own listeners on
 * {@code 127.0.0.1} instead, so the broker is reachable from this machine only.
 */
public final class EmbeddedKraftBroker extends AdminBackedKafkaBroker {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKraftBroker.class);
    private static final int NODE_ID = 0;
    private static final String CLIENT_LISTENER = "LOOPBACK";
    private static final String CONTROLLER_LISTENER = "LOOPBACK_CONTROLLER";
    private static final int START_ATTEMPTS = 3;

    private final KafkaClusterTestKit cluster;
    private final String controllerAddress;

    private EmbeddedKraftBroker(KafkaClusterTestKit cluster, String bootstrapServers, String controllerAddress) {
        super(bootstrapServers);
        this.cluster = cluster;
        this.controllerAddress = controllerAddress;
    }

    /**
     * Formats storage, starts the broker and waits until it is ready for clients.
     *
     * @throws IllegalStateException if the broker does not start
     */
    public static EmbeddedKraftBroker start() {
        return start(0);
    }

    /**
     * Like {@link #start()}, with the client listener on the given port of {@code 127.0.0.1} (0: any free port), for
     * tests of clients that were configured before the broker existed.
     *
     * @throws IllegalStateException if the broker does not start, for instance because the port is taken
     */
    public static EmbeddedKraftBroker start(int clientPort) {
        long startNanos = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            try {
                EmbeddedKraftBroker broker = startOnce(clientPort);
                LOG.info(
                        "Started in-JVM Kafka {} KRaft broker at {} in {} ms",
                        BrokerSettings.KAFKA_VERSION,
                        broker.bootstrapServers(),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
                return broker;
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                if (attempt >= START_ATTEMPTS || !LoopbackPorts.isPortClash(e)) {
                    throw new IllegalStateException(
                            "Could not start the in-JVM Kafka broker (attempt " + attempt + "): " + e.getMessage(), e);
                }
            }
        }
    }

    private static EmbeddedKraftBroker startOnce(int clientPort) throws Exception {
        int controllerPort = LoopbackPorts.freePort();
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .setPerServerProperties(Map.of(NODE_ID, listenerSettings(clientPort, controllerPort)))
                .build();
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
        BrokerSettings.overrides().forEach(builder::setConfigProp);
        KafkaClusterTestKit cluster = builder.build();
        try {
            formatQuietly(cluster);
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new EmbeddedKraftBroker(
                    cluster, LoopbackPorts.HOST + ":" + clientPort(cluster), LoopbackPorts.HOST + ":" + controllerPort);
        } catch (Exception | Error e) {
            closeQuietly(cluster, e);
            throw e;
        }
    }

    /**
     * Stops Kafka from ending this JVM: on a fatal fault (every log directory failed, say) the broker halts the
     * process, and in a test JVM that fails the whole build with no trace, for instance when the fault comes at JVM
     * shutdown while the broker's temporary directory is going away. The request is logged instead, so tests that meet
     * the fault fail on the broker's errors. For brokers in the test JVM only; a broker in a process of its own keeps
     * Kafka's behaviour.
     */
    public static void keepTestJvmAlive() {
        Exit.setHaltProcedure((status, message) -> LOG.error(
                "The embedded Kafka broker asked to halt the JVM with status {}: {}; it keeps running",
                status,
                message));
        Exit.setExitProcedure((status, message) -> LOG.error(
                "The embedded Kafka broker asked to exit the JVM with status {}: {}; it keeps running",
                status,
                message));
    }

    /** Kafka's storage formatter prints to standard output; keep those lines out of the user's console. */
    private static void formatQuietly(KafkaClusterTestKit cluster) throws Exception {
        synchronized (System.class) {
            PrintStream stdout = System.out;
            System.setOut(new PrintStream(OutputStream.nullOutputStream()));
            try {
                cluster.format();
            } finally {
                System.setOut(stdout);
            }
        }
    }

    /** Listeners on the loopback address, replacing the test kit's wildcard ones; they override its defaults. */
    private static Map<String, String> listenerSettings(int clientPort, int controllerPort) {
        String host = LoopbackPorts.HOST;
        return Map.of(
                "listeners",
                        CLIENT_LISTENER + "://" + host + ":" + clientPort + "," + CONTROLLER_LISTENER + "://" + host
                                + ":" + controllerPort,
                "listener.security.protocol.map", CLIENT_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT",
                "inter.broker.listener.name", CLIENT_LISTENER,
                "controller.listener.names", CONTROLLER_LISTENER,
                "controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort);
    }

    private static int clientPort(KafkaClusterTestKit cluster) {
        BrokerServer server = cluster.brokers().get(NODE_ID);
        int port = server.boundPort(ListenerName.normalised(CLIENT_LISTENER));
        if (port <= 0) {
            throw new IllegalStateException("The in-JVM broker started but has no port for " + CLIENT_LISTENER);
        }
        return port;
    }

    private static void closeQuietly(KafkaClusterTestKit cluster, Throwable failure) {
        try {
            cluster.close();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * The host:port of this node's KRaft controller listener: it speaks the Kafka protocol but is no broker, the
     * address a misconfigured client might be given instead of {@link #bootstrapServers()}.
     */
    public String controllerAddress() {
        return controllerAddress;
    }

    @Override
    public String kind() {
        return "in-JVM KRaft";
    }

    @Override
    void stopBroker() {
        long startNanos = System.nanoTime();
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException(
                    "The in-JVM Kafka broker at " + bootstrapServers() + " did not stop cleanly", e);
        }
        LOG.info(
                "Stopped in-JVM Kafka broker at {} in {} ms",
                bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
    }
}
