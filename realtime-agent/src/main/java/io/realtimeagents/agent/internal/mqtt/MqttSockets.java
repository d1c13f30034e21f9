package io.realtimeagents.agent.internal.mqtt;

import static io.realtimeagents.common.net.NoDelaySocketFactory.noDelay;

import io.realtimeagents.common.ConfigurationException;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.common.net.NoDelaySocketFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Socket factories for Paho with TCP_NODELAY: without it every QoS 1 round trip waits for a delayed ACK (about 6x
 * less throughput). Paho asks for unconnected sockets ({@code createSocket()}) and connects them itself.
 */
final class MqttSockets {
    private MqttSockets() {}

    /** The factory for the configured broker: plain TCP, or TLS trusting the CA file (or the JVM's trust store). */
    static SocketFactory factory(AgentConfig config) {
        if (!config.get(AgentSettings.MQTT_TLS)) {
            return NoDelaySocketFactory.instance();
        }
        String caFile = config.get(AgentSettings.MQTT_TLS_CA_FILE);
        try {
            SSLContext context = caFile == null ? SSLContext.getDefault() : trusting(Path.of(caFile));
            return new NoDelayTls(context.getSocketFactory());
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigurationException("Invalid value " + caFile + " for configuration "
                    + AgentSettings.MQTT_TLS_CA_FILE.env() + " (from " + config.origin(AgentSettings.MQTT_TLS_CA_FILE)
                    + "): cannot read PEM certificates from it: " + e.getMessage());
        }
    }

    private static SSLContext trusting(Path caFile) throws IOException, GeneralSecurityException {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(caFile)) {
            Collection<? extends Certificate> certificates =
                    CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new GeneralSecurityException("the file holds no certificate");
            }
            int index = 0;
            for (Certificate certificate : certificates) {
                trusted.setCertificateEntry("ca-" + index++, certificate);
            }
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    /** TLS over TCP; Paho requires an {@link SSLSocketFactory} for {@code ssl://} URIs. */
    private static final class NoDelayTls extends SSLSocketFactory {
        private final SSLSocketFactory tls;

        NoDelayTls(SSLSocketFactory tls) {
            this.tls = tls;
        }

        @Override
        public Socket createSocket() throws IOException {
            return noDelay(tls.createSocket());
        }

        @Override
        public Socket createSocket(Socket plain, String host, int port, boolean autoClose) throws IOException {
            noDelay(plain);
            return tls.createSocket(plain, host, port, autoClose);
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return noDelay(tls.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return noDelay(tls.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return noDelay(tls.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return noDelay(tls.createSocket(address, port, localAddress, localPort));
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return tls.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return tls.getSupportedCipherSuites();
        }
    }
}
