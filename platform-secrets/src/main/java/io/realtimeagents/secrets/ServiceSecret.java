package io.realtimeagents.secrets;

import io.realtimeagents.secrets.internal.Checks;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One service's platform secret as read from one source: its stored keys and values. Immutable. Values are reachable
 * only through {@link #value}; {@link #toString()} shows the secret's name, source and key names, never a value.
 */
public final class ServiceSecret {
    private final PlatformService service;
    private final String name;
    private final SecretSource source;
    private final String location;
    private final Map<String, String> values;

    private ServiceSecret(
            PlatformService service, String name, SecretSource source, String location, Map<String, String> values) {
        this.service = Checks.notNull(service, "service");
        this.name = Checks.notNull(name, "name");
        this.source = Checks.notNull(source, "source");
        this.location = Checks.notNull(location, "location");
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /**
     * A secret's content.
     *
     * @param location where it was read: the namespace for {@link SecretSource#KUBERNETES_API}, the directory for
     *     {@link SecretSource#MOUNTED_FILES}, "environment" for {@link SecretSource#ENVIRONMENT}
     * @param values the stored keys and their values
     */
    public static ServiceSecret of(
            PlatformService service, String name, SecretSource source, String location, Map<String, String> values) {
        values.forEach((key, value) -> {
            Checks.notNull(key, "key");
            Objects.requireNonNull(value, () -> "value of key " + key);
        });
        return new ServiceSecret(service, name, source, location, values);
    }

    /** The service this secret configures. */
    public PlatformService service() {
        return service;
    }

    /** The secret's name, {@code <platform>-<service>-secret}. */
    public String name() {
        return name;
    }

    /** Where the secret was read from. */
    public SecretSource source() {
        return source;
    }

    /** The namespace, directory or "environment" the secret was read from. */
    public String location() {
        return location;
    }

    /** The stored key names, sorted. */
    public Set<String> keys() {
        return values.keySet();
    }

    /** The value stored under exactly this key name. */
    public Optional<String> value(String storedKey) {
        return Optional.ofNullable(values.get(storedKey));
    }

    /**
     * The value of a key under its environment-style name or, failing that, the first of its aliases present (e.g.
     * {@code KAFKA_BOOTSTRAP_SERVERS}, then {@code bootstrap-servers}, then {@code bootstrap.servers}).
     */
    public Optional<String> value(SecretKey key) {
        return storedName(key).map(values::get);
    }

    /** The stored name under which a key is present (its environment-style name or an alias), if it is. */
    public Optional<String> storedName(SecretKey key) {
        if (key.service() != service) {
            return Optional.empty();
        }
        return key.names().stream().filter(values::containsKey).findFirst();
    }

    /**
     * Where a stored key's value comes from, as shown in configuration messages: "secret health-platform-kafka-secret
     * key KAFKA_BOOTSTRAP_SERVERS", "secret file /etc/realtime/secrets/health-platform-kafka-secret/bootstrap-servers"
     * or "environment variable KAFKA_BOOTSTRAP_SERVERS".
     */
    public String origin(String storedKey) {
        return switch (source) {
            case KUBERNETES_API -> "secret " + name + " key " + storedKey;
            case MOUNTED_FILES -> "secret file " + location + "/" + storedKey;
            case ENVIRONMENT -> "environment variable " + storedKey;
        };
    }

    /** The secret described for messages, e.g. "secret x in namespace apps (Kubernetes API)". */
    public String describe() {
        return switch (source) {
            case KUBERNETES_API -> "secret " + name + " in namespace " + location + " (Kubernetes API)";
            case MOUNTED_FILES -> "secret " + name + " mounted at " + location;
            case ENVIRONMENT -> "secret " + name + " given as environment variables";
        };
    }

    /** Whether the other secret holds the same keys with the same values (the source does not matter). */
    public boolean sameValues(ServiceSecret other) {
        return other != null && values.equals(other.values);
    }

    /** The stored keys whose values differ between this secret and another (added and removed keys included). */
    public Set<String> changedKeys(ServiceSecret other) {
        Set<String> changed = new TreeSet<>();
        Map<String, String> others = other == null ? Map.of() : other.values;
        values.forEach((key, value) -> {
            if (!value.equals(others.get(key))) {
                changed.add(key);
            }
        });
        others.keySet().stream().filter(key -> !values.containsKey(key)).forEach(changed::add);
        return changed;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ServiceSecret that
                && service == that.service
                && name.equals(that.name)
                && source == that.source
                && location.equals(that.location)
                && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(service, name, source, location, values.keySet());
    }

    @Override
    public String toString() {
        return describe() + " (keys " + String.join(", ", values.keySet()) + ")";
    }
}
