package io.realtimeagents.benchmarks.soak;

import io.realtimeagents.benchmarks.kafka.BrokerProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The processes of a soak, each in a JVM of its own, on fixed loopback ports and folders of the run directory: the
 * Kafka broker, the MQTT broker, the agent replicas. It injects the faults and keeps each process's log in the run
 * directory ({@code kafka.log}, {@code mqtt.log}, {@code replica-<n>.log}).
 */
final class SoakCluster implements AutoCloseable {
    private static final String BROKER_HEAP = "512m";
    private static final String MQTT_HEAP = "512m";
    private static final String REPLICA_HEAP = "384m";

    private final Path dir;
    private final BrokerProcess.Place kafkaPlace;
    private final int mqttPort;
    private final Duration slowTime;
    private final Duration maxPollInterval;
    private BrokerProcess kafka;
    private SoakProcess mqtt;
    private final List<SoakProcess> replicas = new ArrayList<>();

    private SoakCluster(Path dir, Duration slowTime, Duration maxPollInterval) throws IOException {
        this.dir = dir;
        this.kafkaPlace = new BrokerProcess.Place(dir.resolve("kafka-data"), freePort(), freePort());
        this.mqttPort = freePort();
        this.slowTime = slowTime;
        this.maxPollInterval = maxPollInterval;
    }

    /** Starts the brokers, creates the topics and starts {@code replicaCount} replicas. */
    static SoakCluster start(Path dir, int replicaCount, Duration slowTime, Duration maxPollInterval) throws Exception {
        SoakCluster cluster = new SoakCluster(dir, slowTime, maxPollInterval);
        try {
            cluster.kafka = cluster.startKafka();
            cluster.createTopics();
            cluster.mqtt = cluster.startMqtt();
            for (int replica = 0; replica < replicaCount; replica++) {
                cluster.replicas.add(cluster.startReplica(replica));
            }
            return cluster;
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    int mqttPort() {
        return mqttPort;
    }

    /** Injects one fault and waits until the process it stopped runs again. */
    InjectedFault inject(FaultKind kind, int replica) throws Exception {
        long at = System.currentTimeMillis();
        switch (kind) {
            case REPLICA_KILL -> {
                replicas.get(replica).kill();
                replicas.set(replica, startReplica(replica));
            }
            case KAFKA_RESTART -> {
                kafka.close();
                kafka = startKafka();
            }
            case MQTT_RESTART -> {
                mqtt.stop();
                mqtt = startMqtt();
            }
            case SLOW_HANDLER -> Files.writeString(slowFlag(replica), "slow");
        }
        return new InjectedFault(kind, replica, at, System.currentTimeMillis() - at);
    }

    private BrokerProcess startKafka() throws IOException, InterruptedException {
        return BrokerProcess.startPersistent(BROKER_HEAP, kafkaPlace, dir.resolve("kafka.log"));
    }

    private SoakProcess startMqtt() throws IOException, InterruptedException {
        return SoakProcess.start(
                "MQTT broker",
                MQTT_HEAP,
                MqttBrokerMain.class,
                List.of(dir.resolve("mqtt-home").toString(), String.valueOf(mqttPort)),
                dir.resolve("mqtt.log"),
                MqttBrokerMain.READY);
    }

    private SoakProcess startReplica(int replica) throws IOException, InterruptedException {
        Files.deleteIfExists(slowFlag(replica));
        return SoakProcess.start(
                "replica " + replica,
                REPLICA_HEAP,
                SoakAgentMain.class,
                SoakAgentMain.arguments(
                        "r" + replica,
                        kafka.bootstrapServers(),
                        mqttPort,
                        slowFlag(replica),
                        slowTime,
                        maxPollInterval),
                dir.resolve("replica-" + replica + ".log"),
                SoakAgentMain.READY);
    }

    private Path slowFlag(int replica) {
        return dir.resolve("slow-" + replica);
    }

    private void createTopics() throws Exception {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : List.of(
                SoakTopics.INPUT,
                SoakTopics.OUTPUT,
                SoakTopics.BRIDGED,
                SoakTopics.EVENTS,
                SoakTopics.INPUT + ".dlq",
                "mqtt.dlq")) {
            topics.add(new NewTopic(topic, SoakTopics.PARTITIONS, (short) 1));
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Stops the replicas, then the MQTT broker, then Kafka; kills what does not stop. */
    @Override
    public void close() throws Exception {
        Exception failure = null;
        List<AutoCloseable> stops = new ArrayList<>();
        for (SoakProcess replica : replicas) {
            stops.add(replica::stop);
        }
        if (mqtt != null) {
            stops.add(mqtt::stop);
        }
        if (kafka != null) {
            stops.add(kafka::close);
        }
        for (AutoCloseable stop : stops) {
            try {
                stop.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
