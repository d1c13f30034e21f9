package io.realtimeagents.benchmarks.mqtt;

import io.realtimeagents.benchmarks.Benchmark;
import io.realtimeagents.benchmarks.BenchmarkOptions;
import io.realtimeagents.benchmarks.JvmCheck;
import io.realtimeagents.benchmarks.kafka.BrokerProcess;
import io.realtimeagents.testkit.MqttBrokers;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Semaphore;

/**
 * How fast an agent handles QoS 1 MQTT messages compared with a plain Paho subscriber, and how fast it bridges them to
 * Kafka. One publisher sends the same readings to the external MQTT broker in every run; the order is warm-up plain,
 * warm-up agent (both discarded), plain, agent, plain, then warm-up bridge and bridge. Kafka runs in its own JVM (the
 * agent's dead letters and the bridge need it).
 */
public final class MqttThroughputBenchmark implements Benchmark {
    /** Messages published and counted by each measured run. */
    public static final long DEFAULT_MESSAGES = 100_000;
    /** Messages counted by each discarded warm-up run. */
    public static final long DEFAULT_WARMUP_MESSAGES = 20_000;
    /** The MQTT broker when {@code --mqtt} is not given. */
    public static final String DEFAULT_MQTT = "127.0.0.1:1883";
    /** Messages the publisher may be ahead of the receiver: below Mosquitto's per-client queue of 1,000. */
    public static final int WINDOW = 500;

    private static final String BROKER_HEAP = "1g";
    private static final long SETTLE_MILLIS = 1_000;
    private static final Duration STALL = Duration.ofSeconds(30);

    private final PrintStream out = System.out;
    private final String runPrefix = Long.toString(System.currentTimeMillis(), 36);
    private int runs;

    @Override
    public String name() {
        return "mqtt";
    }

    @Override
    public String description() {
        return "QoS 1 messages/s of a plain Paho subscriber and of a RealtimeAgent, and of the agent's MQTT-to-Kafka"
                + " bridge";
    }

    @Override
    public String optionsHelp() {
        return "--broker=mosquitto          the MQTT broker: an external one such as Mosquitto (the only choice)"
                + "\n--mqtt=host:port            where it listens (default " + DEFAULT_MQTT + ")"
                + "\n--messages=N                messages published and counted per measured run (default "
                + DEFAULT_MESSAGES + ")\n--warmup-messages=N         messages per discarded warm-up run (default "
                + DEFAULT_WARMUP_MESSAGES + ")";
    }

    @Override
    public void run(BenchmarkOptions options) throws Exception {
        String broker = options.string("broker", "mosquitto");
        String address = options.string("mqtt", DEFAULT_MQTT);
        long messages = options.positiveLong("messages", DEFAULT_MESSAGES);
        long warmupMessages = options.positiveLong("warmup-messages", DEFAULT_WARMUP_MESSAGES);
        options.checkAllUsed();
        if (!broker.equals("mosquitto")) {
            throw new IllegalArgumentException("Invalid value " + broker + " for option --broker: the only choice is"
                    + " mosquitto, an external MQTT 5 broker at --mqtt=host:port");
        }
        int colon = address.lastIndexOf(':');
        int port;
        try {
            port = colon < 1 ? -1 : Integer.parseInt(address.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Invalid value " + address + " for option --mqtt: must be host:port");
        }
        if (warmupMessages > messages || messages > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Invalid value for option --warmup-messages or --messages:"
                    + " --warmup-messages must not exceed --messages");
        }
        String host = address.substring(0, colon);
        if (!MqttBrokers.isReachable(host, port, Duration.ofSeconds(2))) {
            throw new IllegalStateException("No MQTT broker accepts connections at " + address + ": start one (e.g."
                    + " Mosquitto 2) there, or name another with the option --mqtt=host:port");
        }
        JvmCheck jvm = JvmCheck.run();
        out.println(jvm.description());
        jvm.warnings().forEach(warning -> System.err.println("Warning: " + warning));
        Messages encoded = Messages.encode((int) messages);
        out.printf(
                Locale.ROOT,
                "MQTT broker %s; %,d QoS 1 messages of %.0f bytes on average per run, on 2,000 topics%n",
                address,
                messages,
                (double) encoded.bytes() / messages);
        String serverUri = "tcp://" + address;
        try (BrokerProcess kafka = BrokerProcess.start(BROKER_HEAP)) {
            AgentSubscriber agent = new AgentSubscriber(kafka.bootstrapServers(), host, port);
            PlainSubscriber plain = new PlainSubscriber(serverUri);
            BridgeContender bridge = new BridgeContender(kafka.bootstrapServers(), agent);
            int measured = (int) messages;
            int warmup = (int) warmupMessages;
            report("warm-up", measure(kafka, serverUri, plain, encoded, warmup), true);
            report("warm-up", measure(kafka, serverUri, agent, encoded, warmup), true);
            Measurement plainBefore = checked("run 1", measure(kafka, serverUri, plain, encoded, measured), encoded);
            Measurement agentRun = checked("run 2", measure(kafka, serverUri, agent, encoded, measured), encoded);
            Measurement plainAfter = checked("run 3", measure(kafka, serverUri, plain, encoded, measured), encoded);
            report("warm-up", measure(kafka, serverUri, bridge, encoded, warmup), true);
            Measurement bridged = checked("run 4", measure(kafka, serverUri, bridge, encoded, measured), encoded);
            out.println("         " + bridge.details());
            double plainMean = (plainBefore.rate() + plainAfter.rate()) / 2;
            out.printf(
                    Locale.ROOT,
                    "plain %,.0f msg/s | agent %,.0f msg/s | ratio %.2f   (the two plain runs differ by %.1f%%)"
                            + " | bridge MQTT -> Kafka %,.0f msg/s%n",
                    plainMean,
                    agentRun.rate(),
                    agentRun.rate() / plainMean,
                    Math.abs(plainBefore.rate() - plainAfter.rate()) / plainMean * 100,
                    bridged.rate());
        }
    }

    private Measurement checked(String label, Measurement measurement, Messages encoded) {
        report(label, measurement, false);
        long expected = encoded.checksum((int) measurement.messages());
        if (measurement.checksum() != expected) {
            throw new IllegalStateException("The " + measurement.contender() + " run received other messages than"
                    + " were published: heart-rate checksum " + measurement.checksum() + ", expected " + expected);
        }
        return measurement;
    }

    private void report(String label, Measurement measurement, boolean discarded) {
        out.printf(
                Locale.ROOT,
                "%-8s %-7s %,9.0f msg/s  (%,d messages in %.2f s; CPU s: %.2f client, %.2f Kafka%s)%n",
                label,
                measurement.contender(),
                measurement.rate(),
                measurement.messages(),
                measurement.nanos() / 1e9,
                measurement.cpuNanos() / 1e9,
                measurement.kafkaCpuNanos() / 1e9,
                discarded ? ", discarded" : "");
    }

    /**
     * One run: the contender connects and subscribes under a topic prefix and client ids of its own, a probe proves
     * it receives, then the publisher sends {@code count} messages and the counter waits for all of them.
     */
    private Measurement measure(BrokerProcess kafka, String serverUri, Contender contender, Messages encoded, int count)
            throws Exception {
        System.gc();
        Thread.sleep(SETTLE_MILLIS);
        runs++;
        String runId = String.format(Locale.ROOT, "benchmark-%s-%s-%d", runPrefix, contender.name(), runs);
        String prefix = "benchmark/" + runId;
        Semaphore window = new Semaphore(WINDOW);
        MessageCounter counter = new MessageCounter(count, window, kafka::cpuNanos);
        try (AutoCloseable receiver = contender.start(prefix, runId, counter);
                Publisher publisher = Publisher.connect(serverUri, runId + "-publisher")) {
            publisher.probe(prefix, counter);
            Exception[] failure = new Exception[1];
            Thread publishing = Thread.ofPlatform()
                    .name("benchmark-mqtt-publisher")
                    .start(() -> {
                        try {
                            publisher.publish(prefix, encoded, count, window);
                        } catch (Exception e) {
                            failure[0] = e;
                        }
                    });
            Measurement measurement;
            try {
                measurement = counter.await(contender.name(), STALL);
            } finally {
                publishing.join(STALL.toMillis());
            }
            if (failure[0] != null) {
                throw failure[0];
            }
            return measurement;
        }
    }
}
