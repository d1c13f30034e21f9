package io.realtimeagents.secrets;

import io.kubernetes.client.openapi.ApiClient;
import io.realtimeagents.common.ConfigurationException;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.secrets.internal.Checks;
import io.realtimeagents.secrets.internal.EnvironmentSecrets;
import io.realtimeagents.secrets.internal.KubernetesAccess;
import io.realtimeagents.secrets.internal.KubernetesSecretReader;
import io.realtimeagents.secrets.internal.MountedSecretFiles;
import io.realtimeagents.secrets.internal.SecretMapping;
import io.realtimeagents.secrets.internal.ServiceAccount;
import io.realtimeagents.secrets.internal.SourceResult;
import io.realtimeagents.secrets.internal.SourceResult.Status;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Loads a platform's secrets, {@code <platform>-<service>-secret} for every {@link PlatformService}.
 *
 * <p><b>Sources.</b> Each secret is looked for in the sources in order, by default: the Kubernetes API (in a pod
 * through its service account, elsewhere through the kubeconfig; namespace from the pod's service-account files, else
 * the kubeconfig context, else {@code default}); mounted secret files ({@code PLATFORM_SECRETS_DIR}, default
 * {@code /etc/realtime/secrets}, a directory per secret, a file per key); environment variables named like the
 * secret's environment-style keys. The first source that has the secret supplies all of its keys: sources are never
 * mixed within one secret, so a user name and a password always come from the same place. A source that cannot answer
 * (API not configured, unreachable, or refusing with 403) is passed over to the next; every attempt is reported when
 * no source has a required secret. {@code PLATFORM_SECRETS_SOURCES} (e.g. {@code kubernetes} or
 * {@code files,env}) restricts and orders the sources. Both are declared in {@link AgentSettings}.
 *
 * <p><b>Required secrets.</b> The kafka and mqtt secrets are required when the agent uses the service (see
 * {@link #load(Set)}); the others are optional and their absence is logged at INFO. A secret the agent uses must
 * be complete (e.g. the kafka secret must hold {@code KAFKA_BOOTSTRAP_SERVERS}); a broken secret of a service the agent
 * does not use is skipped with a warning. Problems are reported together in one {@link ConfigurationException}.
 *
 * <p>Values are never logged and never appear in messages; key names and sources are.
 *
 * <p>Over 300 lines because it documents, builds and reports the look-up over every source in one place; the sources
 * themselves live in the internal package.
 */
public final class PlatformSecretLoader {
    /** Environment variable naming the base directory of mounted secrets ({@link AgentSettings#PLATFORM_SECRETS_DIR}). */
    public static final String SECRETS_DIR_ENV = AgentSettings.PLATFORM_SECRETS_DIR.env();
    /**
     * Environment variable restricting and ordering the sources, {@code kubernetes,files,env}
     * ({@link AgentSettings#PLATFORM_SECRETS_SOURCES}).
     */
    public static final String SOURCES_ENV = AgentSettings.PLATFORM_SECRETS_SOURCES.env();
    /** Text of {@link #DEFAULT_SECRETS_DIR}. */
    public static final String DEFAULT_SECRETS_DIR_TEXT = AgentSettings.PLATFORM_SECRETS_DIR.defaultValue();
    /** The default base directory of mounted secrets. */
    public static final Path DEFAULT_SECRETS_DIR = Path.of(DEFAULT_SECRETS_DIR_TEXT);
    /** The default sources, in order. */
    public static final List<SecretSource> DEFAULT_SOURCES = List.of(SecretSource.values());
    /** The namespace used when neither the pod nor the kubeconfig names one. */
    public static final String DEFAULT_NAMESPACE = "default";

    private static final Logger LOG = LoggerFactory.getLogger(PlatformSecretLoader.class);

    private final String platform;
    private final String namespace;
    private final List<SecretSource> sources;
    private final KubernetesSecretReader api;
    private final MountedSecretFiles files;
    private final EnvironmentSecrets environment;

    private PlatformSecretLoader(Builder builder, KubernetesAccess access, List<SecretSource> sources) {
        this.platform = builder.platform;
        this.sources = sources;
        this.api = access.reader();
        this.namespace = builder.namespace != null
                ? builder.namespace
                : new ServiceAccount(builder.serviceAccountDirectory)
                        .namespace()
                        .or(access::kubeconfigNamespace)
                        .orElse(DEFAULT_NAMESPACE);
        Path dir = builder.secretsDirectory;
        if (dir == null) {
            dir = Path.of(AgentSettings.PLATFORM_SECRETS_DIR.fromEnvironment(builder.environment));
        }
        this.files = new MountedSecretFiles(dir);
        this.environment = new EnvironmentSecrets(builder.environment);
    }

    /** A builder for the platform's secrets, e.g. {@code health-platform}. */
    public static Builder builder(String platform) {
        return new Builder(platform);
    }

    /** The platform. */
    public String platform() {
        return platform;
    }

    /** The namespace secrets are read from through the Kubernetes API. */
    public String namespace() {
        return namespace;
    }

    /** The sources, in the order they are tried. */
    public List<SecretSource> sources() {
        return sources;
    }

    /** The base directory of mounted secrets. */
    public Path secretsDirectory() {
        return files.base();
    }

    /**
     * Loads the platform's secrets.
     *
     * @param usedServices the services the agent uses, e.g. {@code EnumSet.of(PlatformService.KAFKA)}: of these, the
     *     ones {@linkplain PlatformService#requiredWhenUsed() required when used} must be found
     * @throws ConfigurationException naming every missing required secret (with the namespace and each source tried),
     *     every missing key and every invalid value (never the value)
     */
    public PlatformSecrets load(Set<PlatformService> usedServices) {
        return load(usedServices, Level.INFO);
    }

    /** Loads, logging what was found at the given level (the watcher re-reads quietly). */
    PlatformSecrets load(Set<PlatformService> usedServices, Level level) {
        Set<PlatformService> used =
                usedServices.isEmpty() ? EnumSet.noneOf(PlatformService.class) : EnumSet.copyOf(usedServices);
        List<ServiceSecret> found = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String apiDown = null;
        for (PlatformService service : PlatformService.values()) {
            String name = service.secretName(platform);
            List<SourceResult> attempts = new ArrayList<>();
            SourceResult hit = null;
            for (SecretSource source : sources) {
                SourceResult result = source == SecretSource.KUBERNETES_API && apiDown != null
                        ? new SourceResult(source, Status.UNREACHABLE, Map.of(), "namespace " + namespace, apiDown)
                        : read(source, service, name);
                if (result.status() == Status.UNREACHABLE && apiDown == null) {
                    apiDown = result.detail();
                    LOG.atLevel(warn(level))
                            .log(
                                    "Kubernetes {}: reading platform secrets from {} instead",
                                    apiDown,
                                    sources.stream()
                                            .filter(s -> s != SecretSource.KUBERNETES_API)
                                            .map(SecretSource::description)
                                            .collect(Collectors.joining(" and ")));
                }
                attempts.add(result);
                if (result.found()) {
                    hit = result;
                    break;
                }
            }
            if (hit != null) {
                accept(
                        ServiceSecret.of(service, name, hit.source(), hit.location(), hit.values()),
                        attempts,
                        used,
                        found,
                        problems,
                        level);
            } else {
                absent(service, name, used, attempts, problems, level);
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return PlatformSecrets.of(platform, namespace, found);
    }

    private SourceResult read(SecretSource source, PlatformService service, String name) {
        return switch (source) {
            case KUBERNETES_API -> api.read(name, namespace);
            case MOUNTED_FILES -> files.read(name);
            case ENVIRONMENT -> environment.read(service);
        };
    }

    private void accept(
            ServiceSecret secret,
            List<SourceResult> attempts,
            Set<PlatformService> used,
            List<ServiceSecret> found,
            List<String> problems,
            Level level) {
        List<String> secretProblems = SecretMapping.problems(secret);
        if (!secretProblems.isEmpty() && used.contains(secret.service())) {
            problems.addAll(secretProblems);
            return;
        }
        if (!secretProblems.isEmpty()) {
            LOG.atLevel(warn(level))
                    .log(
                            "Ignoring platform {} (the agent does not use {}): {}",
                            secret.describe(),
                            secret.service().id(),
                            String.join("; ", secretProblems));
            return;
        }
        found.add(secret);
        LOG.atLevel(level).log("Platform {}: keys {}", secret.describe(), String.join(", ", secret.keys()));
        List<String> unknown = SecretMapping.unknownKeys(secret);
        if (!unknown.isEmpty()) {
            LOG.atLevel(level)
                    .log(
                            "Ignoring keys {} of platform {}: they configure nothing (see the key table in"
                                    + " deploy/README.md)",
                            unknown,
                            secret.describe());
        }
        attempts.stream()
                .filter(a -> a.status() == Status.FORBIDDEN)
                .forEach(a -> LOG.atLevel(warn(level))
                        .log(
                                "Platform secret {} taken from {}, as the {}",
                                secret.name(),
                                secret.source().description(),
                                a.attempt()));
    }

    private void absent(
            PlatformService service,
            String name,
            Set<PlatformService> used,
            List<SourceResult> attempts,
            List<String> problems,
            Level level) {
        String tried = attempts.stream().map(SourceResult::attempt).collect(Collectors.joining("; "));
        if (used.contains(service) && service.requiredWhenUsed()) {
            problems.add("Missing required platform secret " + name + " (the agent uses " + service.id()
                    + ") for platform " + platform + " in namespace " + namespace + ". Looked in: " + tried + ". "
                    + fix(attempts, name));
            return;
        }
        boolean forbidden = attempts.stream().anyMatch(a -> a.status() == Status.FORBIDDEN);
        LOG.atLevel(forbidden ? warn(level) : level)
                .log(
                        "Optional platform secret {} not found ({}): {} settings keep" + " their configured values",
                        name,
                        tried,
                        service.id());
    }

    private String fix(List<SourceResult> attempts, String name) {
        Set<Status> statuses = new LinkedHashSet<>();
        attempts.forEach(a -> statuses.add(a.status()));
        String provide = "create the secret " + name + " in namespace " + namespace
                + " (example: deploy/platform/secrets.yaml), mount it under "
                + files.base().resolve(name)
                + ", or set its keys as environment variables.";
        if (statuses.contains(Status.FORBIDDEN)) {
            return "Grant the agent's service account 'get' on the secret (" + KubernetesSecretReader.RBAC_MANIFEST
                    + "), or provide the secret as mounted files or environment variables.";
        }
        if (statuses.contains(Status.UNREACHABLE)) {
            return "The Kubernetes API server could not be reached, so mounted files and environment variables were"
                    + " tried instead: check the API server and egress to it, or " + provide;
        }
        return "To fix: " + provide;
    }

    private static Level warn(Level level) {
        return level == Level.INFO ? Level.WARN : level;
    }

    /** Builds a {@link PlatformSecretLoader}. */
    public static final class Builder {
        private final String platform;
        private String namespace;
        private ApiClient apiClient;
        private Path secretsDirectory;
        private Path serviceAccountDirectory = ServiceAccount.DEFAULT_DIRECTORY;
        private Map<String, String> environment = System.getenv();
        private List<SecretSource> sources;

        private Builder(String platform) {
            this.platform = Checks.notNull(platform, "platform");
        }

        /** The namespace of the secrets (default: the pod's, else the kubeconfig context's, else {@code default}). */
        public Builder namespace(String name) {
            this.namespace = Checks.notNull(name, "namespace");
            return this;
        }

        /** The Kubernetes API client to use instead of the in-cluster or kubeconfig one (e.g. in tests). */
        public Builder apiClient(ApiClient client) {
            this.apiClient = Checks.notNull(client, "client");
            return this;
        }

        /** The base directory of mounted secrets (default: {@code PLATFORM_SECRETS_DIR}, else /etc/realtime/secrets). */
        public Builder secretsDirectory(Path directory) {
            this.secretsDirectory = Checks.notNull(directory, "directory");
            return this;
        }

        /** Where the pod's service-account files are (default: the Kubernetes convention). */
        public Builder serviceAccountDirectory(Path directory) {
            this.serviceAccountDirectory = Checks.notNull(directory, "directory");
            return this;
        }

        /**
         * The environment variables to read instead of the process's: the secrets' keys, {@code PLATFORM_SECRETS_DIR},
         * {@code PLATFORM_SECRETS_SOURCES}, and {@code KUBERNETES_SERVICE_HOST}, {@code KUBECONFIG}, {@code HOME} to
         * find the Kubernetes API.
         */
        public Builder environment(Map<String, String> variables) {
            this.environment = Map.copyOf(variables);
            return this;
        }

        /** The sources to try, in order (default: {@code PLATFORM_SECRETS_SOURCES}, else all in declaration order). */
        public Builder sources(SecretSource... order) {
            this.sources = List.copyOf(new LinkedHashSet<>(List.of(order)));
            return this;
        }

        /**
         * Builds the loader; no request is made yet.
         *
         * @throws ConfigurationException when the platform name or {@code PLATFORM_SECRETS_SOURCES} is invalid
         */
        public PlatformSecretLoader build() {
            try {
                PlatformService.KAFKA.secretName(platform);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(e.getMessage());
            }
            List<SecretSource> order = sources != null ? sources : sourcesFromEnvironment();
            if (order.isEmpty()) {
                throw new ConfigurationException(
                        "No platform secret source given: name at least one of kubernetes," + " files, env");
            }
            ServiceAccount account = new ServiceAccount(serviceAccountDirectory);
            KubernetesAccess access;
            if (apiClient != null) {
                access = KubernetesAccess.of(apiClient, account);
            } else if (order.contains(SecretSource.KUBERNETES_API)) {
                access = KubernetesAccess.discover(environment, account);
            } else {
                access = KubernetesAccess.none("not among the sources (" + SOURCES_ENV + ")", account);
            }
            return new PlatformSecretLoader(this, access, order);
        }

        private List<SecretSource> sourcesFromEnvironment() {
            String text = environment.get(SOURCES_ENV);
            if (text == null || text.isBlank()) {
                return DEFAULT_SOURCES;
            }
            Set<SecretSource> order = new LinkedHashSet<>();
            for (String id : AgentSettings.PLATFORM_SECRETS_SOURCES.fromEnvironment(environment)) {
                try {
                    order.add(SecretSource.fromId(id));
                } catch (IllegalArgumentException e) {
                    throw new ConfigurationException("Invalid value " + text + " for configuration " + SOURCES_ENV
                            + " (from environment variable " + SOURCES_ENV + "): " + e.getMessage()
                            + ", comma-separated in the order to try");
                }
            }
            return List.copyOf(order);
        }
    }
}
