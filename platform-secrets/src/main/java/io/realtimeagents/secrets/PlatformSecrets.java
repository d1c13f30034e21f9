package io.realtimeagents.secrets;

import io.realtimeagents.secrets.internal.Checks;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The platform secrets found for an agent: at most one {@link ServiceSecret} per {@link PlatformService}. Immutable.
 * Values are reachable per service and key ({@link #value(SecretKey)}, {@link #secret(PlatformService)});
 * {@link #toString()} names the secrets, their sources and key names, never a value. Apply them to a configuration
 * with {@link SecretConfigurer#apply}.
 */
public final class PlatformSecrets {
    private final String platform;
    private final String namespace;
    private final Map<PlatformService, ServiceSecret> secrets;

    private PlatformSecrets(String platform, String namespace, Map<PlatformService, ServiceSecret> secrets) {
        this.platform = Checks.notNull(platform, "platform");
        this.namespace = Checks.notNull(namespace, "namespace");
        this.secrets = Collections.unmodifiableMap(secrets);
    }

    /**
     * The secrets of a platform.
     *
     * @throws IllegalArgumentException when two secrets are of the same service
     */
    public static PlatformSecrets of(String platform, String namespace, Collection<ServiceSecret> secrets) {
        Map<PlatformService, ServiceSecret> byService = new EnumMap<>(PlatformService.class);
        for (ServiceSecret secret : secrets) {
            if (byService.put(secret.service(), secret) != null) {
                throw new IllegalArgumentException(
                        "Two secrets of service " + secret.service().id() + " given");
            }
        }
        return new PlatformSecrets(platform, namespace, byService);
    }

    /** The platform, e.g. {@code health-platform}. */
    public String platform() {
        return platform;
    }

    /** The namespace the secrets were looked for in. */
    public String namespace() {
        return namespace;
    }

    /** The secret of a service, when one was found. */
    public Optional<ServiceSecret> secret(PlatformService service) {
        return Optional.ofNullable(secrets.get(service));
    }

    /** The services whose secret was found. */
    public Set<PlatformService> services() {
        return secrets.isEmpty() ? EnumSet.noneOf(PlatformService.class) : EnumSet.copyOf(secrets.keySet());
    }

    /** The value of a key (under its environment-style name or an alias) in its service's secret. */
    public Optional<String> value(SecretKey key) {
        return secret(key.service()).flatMap(secret -> secret.value(key));
    }

    /**
     * The services whose secret differs in content between this and another set of secrets: values changed, keys
     * added or removed, or the secret appeared or disappeared. The source of a secret does not count.
     */
    public Set<PlatformService> changedServices(PlatformSecrets other) {
        Set<PlatformService> changed = EnumSet.noneOf(PlatformService.class);
        for (PlatformService service : PlatformService.values()) {
            ServiceSecret mine = secrets.get(service);
            ServiceSecret theirs = other.secrets.get(service);
            boolean same = mine == null ? theirs == null : mine.sameValues(theirs);
            if (!same) {
                changed.add(service);
            }
        }
        return changed;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PlatformSecrets that
                && platform.equals(that.platform)
                && namespace.equals(that.namespace)
                && secrets.equals(that.secrets);
    }

    @Override
    public int hashCode() {
        return Objects.hash(platform, namespace, secrets);
    }

    @Override
    public String toString() {
        StringJoiner text = new StringJoiner(", ", "PlatformSecrets{", "}");
        text.add("platform=" + platform).add("namespace=" + namespace);
        for (PlatformService service : PlatformService.values()) {
            ServiceSecret secret = secrets.get(service);
            text.add(service.id() + "=" + (secret == null ? "(none)" : secret.toString()));
        }
        return text.toString();
    }
}
