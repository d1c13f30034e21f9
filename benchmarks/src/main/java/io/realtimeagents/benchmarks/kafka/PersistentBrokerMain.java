package io.realtimeagents.benchmarks.kafka;

import io.realtimeagents.testkit.EmbeddedKafkaMain;
import io.realtimeagents.testkit.internal.BrokerSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A single-node KRaft broker (broker and controller combined) on fixed ports of {@code 127.0.0.1} and a fixed data
 * directory, so that a new process started with the same arguments is the same broker restarted: its topics, records
 * and committed offsets are still there. The directory is formatted on the first start only.
 *
 * <p>Arguments: the data directory, the client port, the controller port. Like {@link EmbeddedKafkaMain}, it prints
 * {@code BOOTSTRAP_SERVERS=<host:port>} once clients can connect, runs until standard input closes or the process is
 * terminated, and stops the broker cleanly in both cases.
 */
public final class PersistentBrokerMain {
    private static final String HOST = "127.0.0.1";
    private static final int NODE_ID = 1;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private PersistentBrokerMain() {}

    /**
     * Starts the broker and serves until standard input closes or the JVM is asked to stop.
     *
     * @param args the data directory, the client port and the controller port
     */
    public static void main(String[] args) throws Exception {
        PrintStream stdout = System.out;
        System.setOut(System.err); // keep Kafka's own prints off the announcement line
        if (args.length != 3) {
            System.err.println("Usage: PersistentBrokerMain <data directory> <client port> <controller port>");
            System.exit(2);
        }
        Path data = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        int controllerPort = Integer.parseInt(args[2]);
        Properties properties = properties(data, port, controllerPort);
        formatOnce(data);
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties), Time.SYSTEM);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "soak-broker-shutdown"));
        server.startup();
        String bootstrap = HOST + ":" + port;
        awaitReady(bootstrap);
        stdout.println(EmbeddedKafkaMain.BOOTSTRAP_PREFIX + bootstrap);
        stdout.flush();
        try {
            System.in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // The parent is gone: stop as on the end of input.
        }
        System.exit(0); // the shutdown hook stops the broker
    }

    static Properties properties(Path data, int port, int controllerPort) {
        Properties properties = new Properties();
        properties.putAll(BrokerSettings.overrides());
        properties.putAll(Map.of(
                "process.roles",
                "broker,controller",
                "node.id",
                String.valueOf(NODE_ID),
                "listeners",
                "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort,
                "advertised.listeners",
                "PLAINTEXT://" + HOST + ":" + port,
                "listener.security.protocol.map",
                "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name",
                "PLAINTEXT",
                "controller.listener.names",
                "CONTROLLER",
                "controller.quorum.voters",
                NODE_ID + "@" + HOST + ":" + controllerPort,
                "log.dirs",
                data.toString()));
        return properties;
    }

    private static void formatOnce(Path data) throws Exception {
        if (Files.exists(data.resolve("meta.properties"))) {
            return;
        }
        Files.createDirectories(data);
        new Formatter()
                .setPrintStream(System.err)
                .setNodeId(NODE_ID)
                .setClusterId(Uuid.randomUuid().toString())
                .addDirectory(data.toString())
                .setMetadataLogDirectory(data.toString())
                .setReleaseVersion(MetadataVersion.latestProduction())
                .setControllerListenerName("CONTROLLER")
                .setIgnoreFormatted(true)
                .run();
    }

    /** Waits until the broker answers a metadata request, so that clients announced to it can work at once. */
    private static void awaitReady(String bootstrap) throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            while (true) {
                try {
                    if (!admin.describeCluster()
                            .nodes()
                            .get(5, TimeUnit.SECONDS)
                            .isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("The broker at " + bootstrap + " is not ready: " + e, e);
                    }
                }
                Thread.sleep(100);
            }
        }
    }
}
