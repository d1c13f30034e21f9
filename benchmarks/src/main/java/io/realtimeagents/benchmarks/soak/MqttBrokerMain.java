package io.realtimeagents.benchmarks.soak;

import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * An embedded HiveMQ CE broker on a fixed port of {@code 127.0.0.1} with a fixed home folder and file persistence, so
 * that a new process started with the same arguments is the same broker restarted: persistent sessions, their
 * subscriptions and queued messages are read back from the folder.
 *
 * <p>Arguments: the home folder, the port. It prints {@value #READY} once it accepts clients, runs until standard input
 * closes, then stops HiveMQ cleanly (which writes its persistence to disk).
 */
public final class MqttBrokerMain {
    /** The line it prints once clients can connect. */
    static final String READY = "MQTT_READY";

    private MqttBrokerMain() {}

    /**
     * Starts HiveMQ and serves until standard input closes.
     *
     * @param args the home folder and the port
     */
    public static void main(String[] args) throws Exception {
        PrintStream stdout = System.out;
        System.setOut(System.err);
        Path home = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        for (String folder : new String[] {"conf", "data", "extensions"}) {
            Files.createDirectories(home.resolve(folder));
        }
        Files.writeString(home.resolve("conf").resolve("config.xml"), config(port));
        EmbeddedHiveMQ hivemq = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(home.resolve("conf"))
                .withDataFolder(home.resolve("data"))
                .withExtensionsFolder(home.resolve("extensions"))
                .withoutLoggingBootstrap()
                .build();
        hivemq.start().get(120, TimeUnit.SECONDS);
        stdout.println(READY);
        stdout.flush();
        try {
            System.in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // The parent is gone: stop as on the end of input.
        }
        hivemq.stop().get(60, TimeUnit.SECONDS);
        hivemq.close();
        System.exit(0);
    }

    /**
     * One TCP listener on loopback, file persistence, and per-client queues far above what a soak queues while a
     * replica is down (HiveMQ's default of about 1,000 would drop QoS 1 messages past it).
     */
    static String config(int port) {
        return """
                <?xml version="1.0"?>
                <hivemq>
                  <listeners>
                    <tcp-listener>
                      <port>%d</port>
                      <bind-address>127.0.0.1</bind-address>
                    </tcp-listener>
                  </listeners>
                  <mqtt>
                    <queued-messages>
                      <max-queue-size>1000000</max-queue-size>
                      <strategy>discard</strategy>
                    </queued-messages>
                  </mqtt>
                  <persistence>
                    <mode>file</mode>
                  </persistence>
                  <anonymous-usage-statistics>
                    <enabled>false</enabled>
                  </anonymous-usage-statistics>
                </hivemq>
                """.formatted(port);
    }
}
