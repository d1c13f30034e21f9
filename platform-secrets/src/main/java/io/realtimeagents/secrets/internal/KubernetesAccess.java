package io.realtimeagents.secrets.internal;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Finds how to reach the Kubernetes API: in a pod, its service account ({@code KUBERNETES_SERVICE_HOST} set and the
 * token mounted); elsewhere the kubeconfig ({@code KUBECONFIG}, else {@code ~/.kube/config}); else none.
 */
public final class KubernetesAccess {
    /** Connect timeout of the API client we create: an unreachable API server must not hold up start-up. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Read timeout of the API client we create. */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private final KubernetesSecretReader reader;
    private final String kubeconfigNamespace;

    private KubernetesAccess(KubernetesSecretReader reader, String kubeconfigNamespace) {
        this.reader = reader;
        this.kubeconfigNamespace = kubeconfigNamespace;
    }

    /** Access through a given client (tests, or applications that build their own). */
    public static KubernetesAccess of(ApiClient client, ServiceAccount account) {
        return new KubernetesAccess(KubernetesSecretReader.of(client, "the client's user", account), null);
    }

    /** Access found from the environment and the service-account files. */
    public static KubernetesAccess discover(Map<String, String> environment, ServiceAccount account) {
        String serviceHost = environment.get("KUBERNETES_SERVICE_HOST");
        if (serviceHost != null && !serviceHost.isBlank() && account.hasToken()) {
            try {
                ApiClient client = timeouts(ClientBuilder.cluster().build());
                return new KubernetesAccess(
                        KubernetesSecretReader.of(client, "the pod's service account", account), null);
            } catch (IOException | RuntimeException e) {
                return none(
                        "the in-cluster configuration cannot be loaded ("
                                + e.getClass().getSimpleName() + ")",
                        account);
            }
        }
        Optional<Path> kubeconfig = kubeconfig(environment);
        if (kubeconfig.isEmpty()) {
            return none(
                    "not configured: not in a pod (no KUBERNETES_SERVICE_HOST and service-account token) and no"
                            + " kubeconfig (KUBECONFIG, ~/.kube/config)",
                    account);
        }
        try (Reader in = Files.newBufferedReader(kubeconfig.get(), StandardCharsets.UTF_8)) {
            KubeConfig config = KubeConfig.loadKubeConfig(in);
            config.setFile(kubeconfig.get().toFile());
            ApiClient client = timeouts(ClientBuilder.kubeconfig(config).build());
            String user = "the user of kubeconfig context " + config.getCurrentContext();
            // A kubeconfig user is not a pod's service account: never name a token's account for it.
            return new KubernetesAccess(
                    KubernetesSecretReader.of(client, user, ServiceAccount.none()), config.getNamespace());
        } catch (IOException | RuntimeException e) {
            return none(
                    "the kubeconfig " + kubeconfig.get() + " cannot be loaded ("
                            + e.getClass().getSimpleName() + ")",
                    account);
        }
    }

    /** No access, for the reason given (shown when a required secret is missing). */
    public static KubernetesAccess none(String reason, ServiceAccount account) {
        return new KubernetesAccess(KubernetesSecretReader.notConfigured(reason, account), null);
    }

    private static Optional<Path> kubeconfig(Map<String, String> environment) {
        String named = environment.get("KUBECONFIG");
        if (named != null && !named.isBlank()) {
            for (String path : named.split(File.pathSeparator)) {
                if (!path.isBlank() && Files.isReadable(Path.of(path))) {
                    return Optional.of(Path.of(path));
                }
            }
            return Optional.empty();
        }
        String home = environment.get("HOME");
        if (home == null || home.isBlank()) {
            return Optional.empty();
        }
        Path standard = Path.of(home, ".kube", "config");
        return Files.isReadable(standard) ? Optional.of(standard) : Optional.empty();
    }

    private static ApiClient timeouts(ApiClient client) {
        client.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
        client.setReadTimeout((int) READ_TIMEOUT.toMillis());
        return client;
    }

    /** The reader of secrets through this access. */
    public KubernetesSecretReader reader() {
        return reader;
    }

    /** The namespace of the kubeconfig's current context, when a kubeconfig is used and names one. */
    public Optional<String> kubeconfigNamespace() {
        return Optional.ofNullable(kubeconfigNamespace);
    }
}
