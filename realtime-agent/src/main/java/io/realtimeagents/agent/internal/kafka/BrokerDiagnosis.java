package io.realtimeagents.agent.internal.kafka;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.utils.Utils;

/**
 * Why the brokers at the bootstrap addresses did not answer, in words an operator can act on: nothing listening, an
 * unknown host, no answer at all, a listener that is no Kafka broker, or a KRaft controller listener given in place of
 * a broker's.
 */
final class BrokerDiagnosis {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration CONTROLLER_CHECK_TIMEOUT = Duration.ofSeconds(4);

    private final String bootstrapServers;
    private final Map<String, Object> controllerAdminProperties;
    private Boolean controller; // confined to the health check's thread

    BrokerDiagnosis(String bootstrapServers, Map<String, Object> controllerAdminProperties) {
        this.bootstrapServers = bootstrapServers;
        this.controllerAdminProperties = controllerAdminProperties;
    }

    /** Why a {@code describeCluster} call failed with {@code failure}. */
    String explain(Throwable failure) {
        try {
            return diagnose(failure);
        } catch (RuntimeException e) {
            return failure + " (diagnosis failed: " + e + ")";
        }
    }

    private String diagnose(Throwable failure) {
        Throwable cause =
                failure instanceof ExecutionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof UnsupportedVersionException && isController()) {
            return "KAFKA_BOOTSTRAP_SERVERS " + bootstrapServers + " is a KRaft controller listener, not a broker:"
                    + " point it at a broker listener (a broker's advertised listener, such as localhost:9092),"
                    + " not at the controllers' (controller.quorum.bootstrap.servers)";
        }
        if (cause instanceof TimeoutException || cause instanceof org.apache.kafka.common.errors.TimeoutException) {
            return String.join("; ", probeAll());
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    /** Whether the bootstrap addresses answer as KRaft controllers; asked once, the answer does not change. */
    private boolean isController() {
        if (controller == null) {
            try (Admin admin = Admin.create(controllerAdminProperties)) {
                admin.describeCluster().clusterId().get(CONTROLLER_CHECK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                controller = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                controller = false;
            }
        }
        return controller;
    }

    private List<String> probeAll() {
        List<String> findings = new ArrayList<>();
        for (String address : bootstrapServers.split(",")) {
            findings.add(probe(address.trim()));
        }
        return findings;
    }

    /** What a plain TCP connection to one bootstrap address finds. */
    static String probe(String address) {
        String host = Utils.getHost(address);
        Integer port = Utils.getPort(address);
        if (host == null || port == null) {
            return address + " is not a host:port address";
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) CONNECT_TIMEOUT.toMillis());
            return address + " accepts connections but no Kafka broker answered there in time (a TLS or SASL"
                    + " listener reached without the matching KAFKA_CONSUMER_SECURITY_PROTOCOL, or not Kafka?)";
        } catch (UnknownHostException e) {
            return "unknown host " + host + " in " + address;
        } catch (ConnectException e) {
            return "connection refused by " + address + " (no broker listens there: is it running?)";
        } catch (SocketTimeoutException e) {
            return "no answer from " + address + " within " + CONNECT_TIMEOUT.toSeconds() + " s (host down,"
                    + " firewall, or wrong address?)";
        } catch (IOException | IllegalArgumentException e) {
            return address + ": " + e.getMessage();
        }
    }
}
