package io.realtimeagents.secrets;

import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.common.config.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every key a platform secret may hold, declared once: its environment-style name (the reference's, e.g.
 * {@code KAFKA_BOOTSTRAP_SERVERS}), the lower-case forms also accepted (e.g. {@code bootstrap-servers}), and what it
 * configures. Keys are matched exactly; a key a secret holds that is none of these is ignored and logged by name.
 *
 * <table>
 *   <caption>Keys of the platform secrets</caption>
 *   <tr><th>Secret</th><th>Key</th><th>Also accepted</th><th>Configures</th></tr>
 *   <tr><td>kafka</td><td>KAFKA_BOOTSTRAP_SERVERS</td><td>bootstrap-servers, bootstrap.servers</td>
 *       <td>KAFKA_BOOTSTRAP_SERVERS (required in the kafka secret)</td></tr>
 *   <tr><td>kafka</td><td>KAFKA_SCHEMA_REGISTRY_URL</td><td>schema-registry-url, schema.registry.url</td>
 *       <td>KAFKA_SCHEMA_REGISTRY_URL</td></tr>
 *   <tr><td>kafka</td><td>KAFKA_SECURITY_PROTOCOL</td><td>security-protocol, security.protocol</td>
 *       <td>security.protocol of consumer and producer</td></tr>
 *   <tr><td>kafka</td><td>KAFKA_SASL_MECHANISM</td><td>sasl-mechanism, sasl.mechanism</td>
 *       <td>sasl.mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512</td></tr>
 *   <tr><td>kafka</td><td>KAFKA_SASL_USERNAME</td><td>sasl-username, username, user</td>
 *       <td>the user of sasl.jaas.config</td></tr>
 *   <tr><td>kafka</td><td>KAFKA_SASL_PASSWORD</td><td>sasl-password, password</td>
 *       <td>the password of sasl.jaas.config</td></tr>
 *   <tr><td>kafka</td><td>KAFKA_SASL_JAAS_CONFIG</td><td>sasl-jaas-config, sasl.jaas.config</td>
 *       <td>sasl.jaas.config as given (instead of user and password)</td></tr>
 *   <tr><td>kafka</td><td>KAFKA_SSL_CA_CERT</td><td>ca.crt, ssl-ca-cert</td>
 *       <td>ssl.truststore.type=PEM, ssl.truststore.certificates</td></tr>
 *   <tr><td>kafka</td><td>KAFKA_SSL_CLIENT_CERT</td><td>user.crt, ssl-client-cert</td>
 *       <td>ssl.keystore.type=PEM, ssl.keystore.certificate.chain</td></tr>
 *   <tr><td>kafka</td><td>KAFKA_SSL_CLIENT_KEY</td><td>user.key, ssl-client-key</td>
 *       <td>ssl.keystore.key (unencrypted PKCS#8 PEM)</td></tr>
 *   <tr><td>mqtt</td><td>MQTT_HOST</td><td>host</td><td>MQTT_HOST (required in the mqtt secret)</td></tr>
 *   <tr><td>mqtt</td><td>MQTT_PORT</td><td>port</td><td>MQTT_PORT</td></tr>
 *   <tr><td>mqtt</td><td>MQTT_USER</td><td>user, username</td><td>MQTT_USER</td></tr>
 *   <tr><td>mqtt</td><td>MQTT_PASSWORD</td><td>password</td><td>MQTT_PASSWORD</td></tr>
 *   <tr><td>mqtt</td><td>MQTT_CA_CERT</td><td>ca.crt</td><td>kept for the MQTT client's TLS (no setting yet)</td></tr>
 *   <tr><td>db</td><td>DB_HOST</td><td>host</td><td>DB_HOST (required in the db secret)</td></tr>
 *   <tr><td>db</td><td>DB_NAME</td><td>name, database</td><td>DB_NAME</td></tr>
 *   <tr><td>db</td><td>DB_USER</td><td>user, username</td><td>DB_USER</td></tr>
 *   <tr><td>db</td><td>DB_PASSWORD</td><td>password</td><td>DB_PASSWORD</td></tr>
 *   <tr><td>metabase</td><td>METABASE_URL</td><td>url</td><td>METABASE_URL (required in the metabase secret)</td></tr>
 *   <tr><td>lenses</td><td>LENSES_URL</td><td>url</td><td>LENSES_URL (required in the lenses secret)</td></tr>
 * </table>
 */
public enum SecretKey {
    KAFKA_BOOTSTRAP_SERVERS(
            PlatformService.KAFKA, AgentSettings.KAFKA_BOOTSTRAP_SERVERS, "bootstrap-servers", "bootstrap.servers"),
    KAFKA_SCHEMA_REGISTRY_URL(
            PlatformService.KAFKA,
            AgentSettings.KAFKA_SCHEMA_REGISTRY_URL,
            "schema-registry-url",
            "schema.registry.url"),
    KAFKA_SECURITY_PROTOCOL(PlatformService.KAFKA, null, "security-protocol", "security.protocol"),
    KAFKA_SASL_MECHANISM(PlatformService.KAFKA, null, "sasl-mechanism", "sasl.mechanism"),
    KAFKA_SASL_USERNAME(PlatformService.KAFKA, null, "sasl-username", "username", "user"),
    KAFKA_SASL_PASSWORD(PlatformService.KAFKA, null, "sasl-password", "password"),
    KAFKA_SASL_JAAS_CONFIG(PlatformService.KAFKA, null, "sasl-jaas-config", "sasl.jaas.config"),
    KAFKA_SSL_CA_CERT(PlatformService.KAFKA, null, "ca.crt", "ssl-ca-cert"),
    KAFKA_SSL_CLIENT_CERT(PlatformService.KAFKA, null, "user.crt", "ssl-client-cert"),
    KAFKA_SSL_CLIENT_KEY(PlatformService.KAFKA, null, "user.key", "ssl-client-key"),
    MQTT_HOST(PlatformService.MQTT, AgentSettings.MQTT_HOST, "host"),
    MQTT_PORT(PlatformService.MQTT, AgentSettings.MQTT_PORT, "port"),
    MQTT_USER(PlatformService.MQTT, AgentSettings.MQTT_USER, "user", "username"),
    MQTT_PASSWORD(PlatformService.MQTT, AgentSettings.MQTT_PASSWORD, "password"),
    MQTT_CA_CERT(PlatformService.MQTT, null, "ca.crt"),
    DB_HOST(PlatformService.DB, AgentSettings.DB_HOST, "host"),
    DB_NAME(PlatformService.DB, AgentSettings.DB_NAME, "name", "database"),
    DB_USER(PlatformService.DB, AgentSettings.DB_USER, "user", "username"),
    DB_PASSWORD(PlatformService.DB, AgentSettings.DB_PASSWORD, "password"),
    METABASE_URL(PlatformService.METABASE, AgentSettings.METABASE_URL, "url"),
    LENSES_URL(PlatformService.LENSES, AgentSettings.LENSES_URL, "url");

    private final PlatformService service;
    private final Setting<?> setting;
    private final List<String> aliases;

    SecretKey(PlatformService service, Setting<?> setting, String... aliases) {
        this.service = service;
        this.setting = setting;
        this.aliases = List.of(aliases);
    }

    /** The service whose secret holds this key. */
    public PlatformService service() {
        return service;
    }

    /** The environment-style name, e.g. {@code KAFKA_BOOTSTRAP_SERVERS}; also the environment variable read. */
    public String key() {
        return name();
    }

    /** The lower-case names also accepted for this key, in order of preference. */
    public List<String> aliases() {
        return aliases;
    }

    /** Every name accepted for this key: the environment-style name first, then the aliases. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        names.add(name());
        names.addAll(aliases);
        return names;
    }

    /** The agent setting this key sets, when it sets one (Kafka security keys set client properties instead). */
    public Optional<Setting<?>> setting() {
        return Optional.ofNullable(setting);
    }

    /** Whether the key must be present when the service's secret exists. */
    public boolean required() {
        return this == KAFKA_BOOTSTRAP_SERVERS
                || this == MQTT_HOST
                || this == DB_HOST
                || this == METABASE_URL
                || this == LENSES_URL;
    }

    /** The keys of one service's secret, in declaration order. */
    public static List<SecretKey> of(PlatformService service) {
        List<SecretKey> keys = new ArrayList<>();
        for (SecretKey key : values()) {
            if (key.service == service) {
                keys.add(key);
            }
        }
        return List.copyOf(keys);
    }

    /** The key of a service's secret that a stored key name stands for, if any. */
    public static Optional<SecretKey> find(PlatformService service, String storedName) {
        for (SecretKey key : values()) {
            if (key.service == service && (key.name().equals(storedName) || key.aliases.contains(storedName))) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }
}
