package io.realtimeagents.testkit.internal;

import com.hivemq.embedded.EmbeddedHiveMQ;
import io.realtimeagents.testkit.MqttBroker;
import io.realtimeagents.testkit.MqttLogins;
import io.realtimeagents.testkit.MqttTls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HiveMQ Community Edition, embedded in the test JVM: listening on a free port of {@code 127.0.0.1} (never 1883),
 * with file persistence in a temporary folder (so sessions survive {@link #restart()}), an empty extensions folder,
 * per-client queues large enough for persistent-session tests, and a receive maximum that lets publishers pipeline.
 */
public final class EmbeddedHiveMqBroker implements MqttBroker {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedHiveMqBroker.class);
    private static final long TIMEOUT_SECONDS = 60;
    private static final int ATTEMPTS = 3;

    private final Path home;
    private final int port;
    private final int tlsPort;
    private EmbeddedHiveMQ hivemq; // guarded by this
    private final MqttLogins logins = new MqttLogins();

    private EmbeddedHiveMqBroker(Path home, int port) {
        this.home = home;
        this.port = port;
        this.tlsPort = LoopbackPorts.freePort();
    }

    /** Starts a broker on a free port, retrying when another process takes the port first. */
    public static EmbeddedHiveMqBroker start() {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Path home = createHome();
            EmbeddedHiveMqBroker broker = new EmbeddedHiveMqBroker(home, LoopbackPorts.freePort());
            try {
                broker.startHiveMq();
                return broker;
            } catch (RuntimeException e) {
                // A port taken between choosing and binding it, or a listener that did not come up on a loaded
                // machine: try again with fresh ports and a fresh folder.
                last = e;
                broker.close();
                LOG.warn("Embedded HiveMQ did not start (attempt {} of {}): {}", attempt, ATTEMPTS, e.getMessage());
            }
        }
        throw new IllegalStateException("Could not start the embedded HiveMQ broker: " + last.getMessage(), last);
    }

    private static Path createHome() {
        try {
            Path home = Files.createTempDirectory("realtime-agents-hivemq-");
            Files.createDirectories(home.resolve("conf"));
            Files.createDirectories(home.resolve("data"));
            Files.createDirectories(home.resolve("extensions"));
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a folder for the embedded HiveMQ broker", e);
        }
    }

    private synchronized void startHiveMq() {
        long start = System.nanoTime();
        try {
            TestCertificates certificates = TestCertificates.in(home.resolve("tls"));
            Files.writeString(
                    home.resolve("conf").resolve("config.xml"), config(port, tlsPort, certificates.serverKeyStore()));
            hivemq = EmbeddedHiveMQ.builder()
                    .withConfigurationFolder(home.resolve("conf"))
                    .withDataFolder(home.resolve("data"))
                    .withExtensionsFolder(home.resolve("extensions"))
                    .withoutLoggingBootstrap()
                    .withEmbeddedExtension(LoginCheck.extension(logins))
                    .build();
            hivemq.start().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the embedded HiveMQ configuration", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("HiveMQ did not start on port " + port + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("HiveMQ did not start within " + TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting HiveMQ", e);
        }
        LOG.info(
                "Embedded HiveMQ started on {}:{} in {} ms",
                LoopbackPorts.HOST,
                port,
                (System.nanoTime() - start) / 1_000_000);
    }

    @Override
    public MqttLogins logins() {
        return logins;
    }

    private synchronized void stopHiveMq() {
        if (hivemq == null) {
            return;
        }
        try {
            hivemq.stop().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            hivemq.close();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("HiveMQ did not stop cleanly", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            hivemq = null;
        }
    }

    static String config(int port, int tlsPort, Path keyStore) {
        return """
                <?xml version="1.0"?>
                <hivemq>
                  <listeners>
                    <tcp-listener>
                      <port>%d</port>
                      <bind-address>%s</bind-address>
                    </tcp-listener>
                    <tls-tcp-listener>
                      <port>%d</port>
                      <bind-address>%s</bind-address>
                      <tls>
                        <keystore>
                          <path>%s</path>
                          <password>%s</password>
                          <private-key-password>%s</private-key-password>
                        </keystore>
                      </tls>
                    </tls-tcp-listener>
                  </listeners>
                  <mqtt>
                    <queued-messages>
                      <max-queue-size>1000000</max-queue-size>
                      <strategy>discard</strategy>
                    </queued-messages>
                    <receive-maximum>
                      <server-receive-maximum>1000</server-receive-maximum>
                    </receive-maximum>
                  </mqtt>
                  <anonymous-usage-statistics>
                    <enabled>false</enabled>
                  </anonymous-usage-statistics>
                </hivemq>
                """.formatted(
                        port,
                        LoopbackPorts.HOST,
                        tlsPort,
                        LoopbackPorts.HOST,
                        keyStore,
                        TestCertificates.PASSWORD,
                        TestCertificates.PASSWORD);
    }

    @Override
    public String host() {
        return LoopbackPorts.HOST;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String kind() {
        return "embedded HiveMQ CE";
    }

    @Override
    public Optional<MqttTls> tls() {
        return Optional.of(
                new MqttTls(LoopbackPorts.HOST, tlsPort, home.resolve("tls").resolve("ca.pem")));
    }

    /** Stops HiveMQ and starts a new instance on the same port and data folder. */
    @Override
    public synchronized void restart(Runnable whileStopped) {
        stopHiveMq();
        try {
            whileStopped.run();
        } finally {
            startHiveMq();
        }
    }

    /** Stops HiveMQ, deletes its data folder (sessions, queued messages) and starts a new instance on the same port. */
    @Override
    public synchronized void restartWithoutSessions() {
        stopHiveMq();
        try {
            deleteTree(home.resolve("data"));
            Files.createDirectories(home.resolve("data"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the sessions of the embedded HiveMQ broker", e);
        } finally {
            startHiveMq();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Stops the broker and deletes its folder. */
    @Override
    public synchronized void close() {
        stopHiveMq();
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.debug("Could not delete {}", home, e);
        }
    }

    @Override
    public String toString() {
        return kind() + " on " + host() + ":" + port;
    }
}
