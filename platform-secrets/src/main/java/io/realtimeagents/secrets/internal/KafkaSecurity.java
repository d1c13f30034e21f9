package io.realtimeagents.secrets.internal;

import io.realtimeagents.secrets.SecretKey;
import io.realtimeagents.secrets.ServiceSecret;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Kafka client security properties from the kafka secret: SASL (PLAIN, SCRAM-SHA-256, SCRAM-SHA-512) and TLS (a PEM
 * CA certificate as trust store, optionally a PEM client certificate and key). The same properties go to consumer
 * and producer. Problems name the key and the secret, never a value.
 */
public final class KafkaSecurity {
    /** The SASL mechanisms supported. */
    public static final List<String> MECHANISMS = List.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512");
    /** The security protocols of Kafka clients. */
    public static final List<String> PROTOCOLS = List.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");

    private static final String PEM_CERTIFICATE = "-----BEGIN CERTIFICATE-----";
    private static final String PEM_PKCS8_KEY = "-----BEGIN PRIVATE KEY-----";

    private final ServiceSecret secret;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final Problems problems;

    private KafkaSecurity(ServiceSecret secret, Problems problems) {
        this.secret = secret;
        this.problems = problems;
    }

    /** The client properties of the kafka secret; problems found are added to {@code problems}. */
    static Map<String, String> properties(ServiceSecret secret, Problems problems) {
        KafkaSecurity security = new KafkaSecurity(secret, problems);
        security.build();
        return security.properties;
    }

    private void build() {
        boolean sasl = sasl();
        boolean tls = tls();
        String protocol = protocol(sasl, tls);
        if (protocol != null) {
            properties.put("security.protocol", protocol);
        }
    }

    private boolean sasl() {
        String mechanism = value(SecretKey.KAFKA_SASL_MECHANISM);
        String username = value(SecretKey.KAFKA_SASL_USERNAME);
        String password = value(SecretKey.KAFKA_SASL_PASSWORD);
        String jaas = value(SecretKey.KAFKA_SASL_JAAS_CONFIG);
        if (mechanism == null && username == null && password == null && jaas == null) {
            return false;
        }
        if (mechanism == null) {
            problems.missingKey(secret, SecretKey.KAFKA_SASL_MECHANISM, "SASL credentials are given");
        } else if (!MECHANISMS.contains(mechanism.trim().toUpperCase(Locale.ROOT))) {
            problems.invalidValue(
                    secret, SecretKey.KAFKA_SASL_MECHANISM, "must be one of " + String.join(", ", MECHANISMS));
        } else {
            properties.put("sasl.mechanism", mechanism.trim().toUpperCase(Locale.ROOT));
        }
        if (jaas != null) {
            properties.put("sasl.jaas.config", jaas);
            return true;
        }
        if (username == null) {
            problems.missingKey(secret, SecretKey.KAFKA_SASL_USERNAME, "SASL is configured");
        }
        if (password == null) {
            problems.missingKey(secret, SecretKey.KAFKA_SASL_PASSWORD, "SASL is configured");
        }
        if (username != null
                && password != null
                && singleLine(username, SecretKey.KAFKA_SASL_USERNAME)
                        & singleLine(password, SecretKey.KAFKA_SASL_PASSWORD)) {
            String module = properties.getOrDefault("sasl.mechanism", "PLAIN").equals("PLAIN")
                    ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                    : "org.apache.kafka.common.security.scram.ScramLoginModule";
            properties.put("sasl.jaas.config", jaasConfig(module, username, password));
        }
        return true;
    }

    private boolean tls() {
        String ca = value(SecretKey.KAFKA_SSL_CA_CERT);
        String cert = value(SecretKey.KAFKA_SSL_CLIENT_CERT);
        String key = value(SecretKey.KAFKA_SSL_CLIENT_KEY);
        if (ca != null && pem(ca, PEM_CERTIFICATE, SecretKey.KAFKA_SSL_CA_CERT, "a PEM certificate")) {
            properties.put("ssl.truststore.type", "PEM");
            properties.put("ssl.truststore.certificates", ca);
        }
        if (cert != null && key == null) {
            problems.missingKey(secret, SecretKey.KAFKA_SSL_CLIENT_KEY, "a client certificate is given");
        } else if (key != null && cert == null) {
            problems.missingKey(secret, SecretKey.KAFKA_SSL_CLIENT_CERT, "a client key is given");
        } else if (cert != null
                && pem(cert, PEM_CERTIFICATE, SecretKey.KAFKA_SSL_CLIENT_CERT, "a PEM certificate chain")
                        & pem(key, PEM_PKCS8_KEY, SecretKey.KAFKA_SSL_CLIENT_KEY, "an unencrypted PKCS#8 PEM key")) {
            properties.put("ssl.keystore.type", "PEM");
            properties.put("ssl.keystore.certificate.chain", cert);
            properties.put("ssl.keystore.key", key);
        }
        return ca != null || cert != null || key != null;
    }

    /** The security protocol: the one given, else SASL_SSL with SASL, SSL with TLS material only, else none. */
    private String protocol(boolean sasl, boolean tls) {
        String given = value(SecretKey.KAFKA_SECURITY_PROTOCOL);
        if (given == null) {
            return sasl ? "SASL_SSL" : tls ? "SSL" : null;
        }
        String protocol = given.trim().toUpperCase(Locale.ROOT);
        if (!PROTOCOLS.contains(protocol)) {
            problems.invalidValue(
                    secret, SecretKey.KAFKA_SECURITY_PROTOCOL, "must be one of " + String.join(", ", PROTOCOLS));
            return null;
        }
        if (protocol.startsWith("SASL_") && !sasl) {
            problems.missingKey(secret, SecretKey.KAFKA_SASL_MECHANISM, "the security protocol uses SASL");
        } else if (!protocol.startsWith("SASL_") && sasl) {
            problems.invalidValue(
                    secret,
                    SecretKey.KAFKA_SECURITY_PROTOCOL,
                    "SASL credentials are given, so it must be SASL_SSL or SASL_PLAINTEXT (or remove the credentials)");
        }
        if (tls && protocol.endsWith("PLAINTEXT")) {
            problems.invalidValue(
                    secret,
                    SecretKey.KAFKA_SECURITY_PROTOCOL,
                    "TLS certificates are given, so it must be SSL or SASL_SSL (or remove the certificates)");
        }
        return protocol;
    }

    /**
     * A JAAS configuration line. Values are double-quoted with {@code \} and {@code "} escaped, as Kafka's JAAS parser
     * (a {@link java.io.StreamTokenizer}) reads them.
     */
    static String jaasConfig(String loginModule, String username, String password) {
        return loginModule + " required username=" + quote(username) + " password=" + quote(password) + ";";
    }

    static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private boolean singleLine(String value, SecretKey key) {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            problems.invalidValue(secret, key, "must be a single line (a JAAS configuration cannot hold line breaks)");
            return false;
        }
        return true;
    }

    private boolean pem(String value, String marker, SecretKey key, String expected) {
        if (!value.contains(marker)) {
            problems.invalidValue(secret, key, "must be " + expected + " (" + marker + ")");
            return false;
        }
        return true;
    }

    private String value(SecretKey key) {
        return secret.value(key).orElse(null);
    }
}
