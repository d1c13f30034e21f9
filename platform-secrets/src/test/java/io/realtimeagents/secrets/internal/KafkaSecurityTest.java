package io.realtimeagents.secrets.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.realtimeagents.secrets.PlatformService;
import io.realtimeagents.secrets.SecretSource;
import io.realtimeagents.secrets.ServiceSecret;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.JaasContext;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Kafka security properties from the kafka secret, checked with Kafka's own parsers and clients. */
class KafkaSecurityTest {
    private static ServiceSecret kafka(Map<String, String> values) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9");
        all.putAll(values);
        return ServiceSecret.of(PlatformService.KAFKA, "p-kafka-secret", SecretSource.KUBERNETES_API, "ns", all);
    }

    private static Map<String, String> properties(Map<String, String> values) {
        ServiceSecret secret = kafka(values);
        assertThat(SecretMapping.problems(secret)).isEmpty();
        return SecretMapping.kafkaProperties(secret);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"plain", "with \"double quotes\"", "back\\slash\\", "semi;colon=equals", "ünïcödé ✓", "'single'"
            })
    void jaasConfigQuotesUserAndPasswordSoKafkaParsesThemBack(String password) {
        Map<String, String> props = properties(Map.of(
                "KAFKA_SASL_MECHANISM", "scram-sha-256",
                "KAFKA_SASL_USERNAME", "user \"x\"",
                "KAFKA_SASL_PASSWORD", password));

        assertThat(props)
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-256");
        List<AppConfigurationEntry> entries = JaasContext.loadClientContext(
                        Map.of("sasl.jaas.config", new Password(props.get("sasl.jaas.config"))))
                .configurationEntries();
        assertThat(entries).hasSize(1);
        AppConfigurationEntry entry = entries.get(0);
        assertThat(entry.getLoginModuleName()).isEqualTo("org.apache.kafka.common.security.scram.ScramLoginModule");
        assertThat(entry.getControlFlag()).isEqualTo(AppConfigurationEntry.LoginModuleControlFlag.REQUIRED);
        assertThat(new HashMap<String, Object>(entry.getOptions()))
                .containsEntry("username", "user \"x\"")
                .containsEntry("password", password);
    }

    @Test
    void plainMechanismUsesThePlainLoginModuleAndAnExplicitProtocol() {
        Map<String, String> props = properties(Map.of(
                "sasl.mechanism", "PLAIN",
                "username", "u",
                "password", "p",
                "security.protocol", "sasl_plaintext"));

        assertThat(props.get("sasl.jaas.config"))
                .isEqualTo("org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\""
                        + " password=\"p\";");
        assertThat(props).containsEntry("security.protocol", "SASL_PLAINTEXT");
    }

    @Test
    void aGivenJaasConfigIsPassedThroughAsItIs() {
        String jaas = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"a\" password=\"b\";";

        Map<String, String> props = properties(Map.of("sasl.mechanism", "SCRAM-SHA-512", "sasl.jaas.config", jaas));

        assertThat(props).containsEntry("sasl.jaas.config", jaas).containsEntry("security.protocol", "SASL_SSL");
    }

    @Test
    void noSecurityKeysMeansNoSecurityProperties() {
        assertThat(properties(Map.of())).isEmpty();
    }

    @Test
    void problemsNameTheKeyAndTheSecretButNeverTheValue() {
        ServiceSecret secret = kafka(Map.of(
                "KAFKA_SASL_MECHANISM", "GSSAPI-value",
                "KAFKA_SASL_USERNAME", "line\nbreak-user",
                "KAFKA_SASL_PASSWORD", "pw-value",
                "KAFKA_SECURITY_PROTOCOL", "SSL",
                "ca.crt", "not-a-pem-value"));

        assertThat(SecretMapping.problems(secret))
                .containsExactly(
                        "Invalid value (hidden) of key KAFKA_SASL_MECHANISM in platform secret p-kafka-secret in"
                                + " namespace ns (Kubernetes API): must be one of PLAIN, SCRAM-SHA-256, SCRAM-SHA-512",
                        "Invalid value (hidden) of key KAFKA_SASL_USERNAME in platform secret p-kafka-secret in"
                                + " namespace ns (Kubernetes API): must be a single line (a JAAS configuration cannot"
                                + " hold line breaks)",
                        "Invalid value (hidden) of key ca.crt in platform secret p-kafka-secret in namespace ns"
                                + " (Kubernetes API): must be a PEM certificate (-----BEGIN CERTIFICATE-----)",
                        "Invalid value (hidden) of key KAFKA_SECURITY_PROTOCOL in platform secret p-kafka-secret in"
                                + " namespace ns (Kubernetes API): SASL credentials are given, so it must be SASL_SSL"
                                + " or SASL_PLAINTEXT (or remove the credentials)")
                .allSatisfy(problem -> assertThat(problem)
                        .doesNotContain("GSSAPI-value", "break-user", "pw-value", "not-a-pem-value"));
    }

    @Test
    void aSaslProtocolWithoutCredentialsNamesTheMissingMechanism() {
        assertThat(SecretMapping.problems(kafka(Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_SSL"))))
                .containsExactly("Missing key KAFKA_SASL_MECHANISM in platform secret p-kafka-secret in namespace ns"
                        + " (Kubernetes API), needed because the security protocol uses SASL: add it (also accepted:"
                        + " sasl-mechanism, sasl.mechanism)");
    }

    @Test
    void aClientCertificateNeedsItsKey() {
        assertThat(SecretMapping.problems(kafka(Map.of("user.crt", "-----BEGIN CERTIFICATE-----x"))))
                .singleElement()
                .asString()
                .startsWith("Missing key KAFKA_SSL_CLIENT_KEY in platform secret p-kafka-secret");
    }

    @Test
    void tlsAndSaslPropertiesAreAcceptedByRealKafkaClients() throws Exception {
        Pem pem = Pem.selfSigned();
        Map<String, String> props = properties(Map.of(
                "ca.crt",
                pem.certificate(),
                "user.crt",
                pem.certificate(),
                "user.key",
                pem.privateKey(),
                "KAFKA_SASL_MECHANISM",
                "SCRAM-SHA-512",
                "KAFKA_SASL_USERNAME",
                "agent",
                "KAFKA_SASL_PASSWORD",
                "pa\"ss\\word"));

        assertThat(props)
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("ssl.truststore.type", "PEM")
                .containsEntry("ssl.truststore.certificates", pem.certificate())
                .containsEntry("ssl.keystore.type", "PEM")
                .containsEntry("ssl.keystore.certificate.chain", pem.certificate())
                .containsEntry("ssl.keystore.key", pem.privateKey());
        // Creating the clients builds the SASL login and the SSL engine factory from these properties; no connection.
        Map<String, Object> consumer = new HashMap<>(props);
        consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, "g");
        assertThatCode(() ->
                        new KafkaConsumer<>(consumer, new ByteArrayDeserializer(), new ByteArrayDeserializer()).close())
                .doesNotThrowAnyException();
        Map<String, Object> producer = new HashMap<>(props);
        producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        assertThatCode(() ->
                        new KafkaProducer<>(producer, new ByteArraySerializer(), new ByteArraySerializer()).close())
                .doesNotThrowAnyException();
    }

    /** A self-signed certificate and its PKCS#8 key, PEM-encoded. */
    private record Pem(String certificate, String privateKey) {
        static Pem selfSigned() throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            X500Name name = new X500Name("CN=platform-ca");
            Instant now = Instant.now();
            var builder = new JcaX509v3CertificateBuilder(
                    name,
                    BigInteger.ONE,
                    Date.from(now.minus(1, ChronoUnit.DAYS)),
                    Date.from(now.plus(1, ChronoUnit.DAYS)),
                    name,
                    keys.getPublic());
            var certificate = new JcaX509CertificateConverter()
                    .getCertificate(
                            builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
            return new Pem(
                    pem("CERTIFICATE", certificate.getEncoded()),
                    pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
        }

        private static String pem(String type, byte[] der) {
            Base64.Encoder base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
            return "-----BEGIN " + type + "-----\n" + base64.encodeToString(der) + "\n-----END " + type + "-----\n";
        }
    }
}
