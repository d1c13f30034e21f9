package io.realtimeagents.examples.simulator;

import io.realtimeagents.common.net.NoDelaySocketFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the readings of a {@link VitalsGenerator} over MQTT 5, as bedside monitors would: every interval, one
 * reading of each vital of each patient, to {@code devices/<patient>/vitals/<kind>}, with QoS 1, content type
 * {@code application/json} and the user property {@code message_type=<kind>} (which the MQTT-to-Kafka bridge turns
 * into the record's message type). It reconnects by itself; readings due while the broker is away are skipped.
 *
 * <pre>{@code
 * try (VitalsSimulator simulator = VitalsSimulator.start(SimulatorOptions.defaults("tcp://127.0.0.1:1883"))) {
 *     ...
 * }
 * }</pre>
 */
public final class VitalsSimulator implements AutoCloseable {
    /** The user property naming the message type. */
    public static final String MESSAGE_TYPE_PROPERTY = "message_type";

    private static final Logger LOG = LoggerFactory.getLogger(VitalsSimulator.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Unacknowledged publishes at most: below Mosquitto's default receive maximum of 20. */
    private static final int MAX_IN_FLIGHT = 10;

    private final MqttAsyncClient client;
    private final VitalsGenerator generator;
    private final ScheduledExecutorService timer;
    private final AtomicLong published = new AtomicLong();
    private volatile boolean failing;

    private VitalsSimulator(MqttAsyncClient client, VitalsGenerator generator) {
        this.client = client;
        this.generator = generator;
        this.timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("vitals-simulator").daemon().factory());
    }

    /**
     * Connects to the broker and starts publishing at once.
     *
     * @throws IllegalStateException when the broker cannot be reached
     */
    public static VitalsSimulator start(SimulatorOptions options) {
        String clientId = "vitals-simulator-" + UUID.randomUUID().toString().substring(0, 8);
        MqttAsyncClient client;
        try {
            client = new MqttAsyncClient(options.serverUri(), clientId, new MemoryPersistence());
            client.connect(connectionOptions()).waitForCompletion(TIMEOUT.toMillis());
        } catch (MqttException e) {
            throw new IllegalStateException(
                    "The vitals simulator cannot connect to the MQTT broker at " + options.serverUri() + ": "
                            + e.getMessage() + "; is a broker listening there?",
                    e);
        }
        VitalsSimulator simulator =
                new VitalsSimulator(client, new VitalsGenerator(options.patients(), options.seed()));
        simulator.timer.scheduleAtFixedRate(
                simulator::tick, 0, options.interval().toMillis(), TimeUnit.MILLISECONDS);
        LOG.info(
                "Simulating {} patients on {}: each vital every {} ms; the first episode starts after {} readings",
                options.patients(),
                options.serverUri(),
                options.interval().toMillis(),
                EpisodeSchedule.FIRST_START);
        return simulator;
    }

    private static MqttConnectionOptions connectionOptions() {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, 5);
        options.setConnectionTimeout((int) TIMEOUT.toSeconds());
        options.setSocketFactory(NoDelaySocketFactory.instance());
        return options;
    }

    /** How many readings the broker has acknowledged. */
    public long published() {
        return published.get();
    }

    private void tick() {
        List<SimulatedReading> readings = generator.next(Instant.now());
        try {
            publishAll(readings);
            if (failing) {
                LOG.info("The vitals simulator publishes again");
                failing = false;
            }
        } catch (MqttException | RuntimeException e) {
            if (!failing) {
                LOG.warn(
                        "The vitals simulator cannot publish ({}); it skips readings until the broker is back",
                        e.getMessage());
                failing = true;
            }
        }
    }

    private void publishAll(List<SimulatedReading> readings) throws MqttException {
        Deque<IMqttToken> pending = new ArrayDeque<>();
        for (SimulatedReading reading : readings) {
            if (pending.size() >= MAX_IN_FLIGHT) {
                acknowledged(pending.removeFirst());
            }
            pending.addLast(client.publish(reading.topic(), message(reading)));
        }
        while (!pending.isEmpty()) {
            acknowledged(pending.removeFirst());
        }
    }

    private void acknowledged(IMqttToken token) throws MqttException {
        token.waitForCompletion(TIMEOUT.toMillis());
        published.incrementAndGet();
    }

    private static MqttMessage message(SimulatedReading reading) {
        MqttProperties properties = new MqttProperties();
        properties.setContentType("application/json");
        properties.setUserProperties(
                List.of(new UserProperty(MESSAGE_TYPE_PROPERTY, reading.kind().type())));
        return new MqttMessage(reading.payload(), 1, false, properties);
    }

    /** Stops publishing and disconnects. Calling it twice is harmless. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(TIMEOUT.toMillis());
            }
            client.close();
        } catch (MqttException e) {
            LOG.debug("The vitals simulator did not disconnect cleanly: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Runs the simulator until the process is stopped: {@code --mqtt=tcp://127.0.0.1:1883 --patients=6
     * --interval-ms=1000 --seed=42} (all optional).
     */
    public static void main(String[] args) throws InterruptedException {
        SimulatorOptions options = SimulatorArguments.parse(args);
        VitalsSimulator simulator = start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }));
        stopped.await();
    }
}
