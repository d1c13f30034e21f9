package io.realtimeagents.secrets.internal;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Secret;
import io.realtimeagents.secrets.SecretSource;
import io.realtimeagents.secrets.internal.SourceResult.Status;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads secrets with the official Kubernetes client: {@code GET /api/v1/namespaces/<ns>/secrets/<name>}. */
public final class KubernetesSecretReader {
    /** The manifest that grants agents {@code get} and {@code watch} on their platform's secrets. */
    public static final String RBAC_MANIFEST = "deploy/kustomize/base/rbac.yaml";

    /** The user named by the API server's "forbidden" message: {@code User "system:serviceaccount:ns:sa" cannot}. */
    private static final Pattern FORBIDDEN_USER = Pattern.compile("User \"([^\"]+)\" cannot");

    private final ApiClient client;
    private final String notConfigured;
    private final String identity;
    private final ServiceAccount account;

    private KubernetesSecretReader(ApiClient client, String notConfigured, String identity, ServiceAccount account) {
        this.client = client;
        this.notConfigured = notConfigured;
        this.identity = identity;
        this.account = account;
    }

    /**
     * A reader using the client.
     *
     * @param identity who the client acts as, when no token names it (e.g. "the pod's service account")
     */
    public static KubernetesSecretReader of(ApiClient client, String identity, ServiceAccount account) {
        return new KubernetesSecretReader(client, null, identity, account);
    }

    /** A reader that answers {@link Status#NOT_CONFIGURED} with the reason. */
    public static KubernetesSecretReader notConfigured(String reason, ServiceAccount account) {
        return new KubernetesSecretReader(null, reason, "the pod's service account", account);
    }

    /** The API server's URL, or null when none is configured. */
    public String server() {
        return client == null ? null : client.getBasePath();
    }

    /** Reads one secret. */
    public SourceResult read(String name, String namespace) {
        String where = "namespace " + namespace;
        if (client == null) {
            return SourceResult.notFound(SecretSource.KUBERNETES_API, Status.NOT_CONFIGURED, where, notConfigured);
        }
        try {
            V1Secret secret =
                    new CoreV1Api(client).readNamespacedSecret(name, namespace).execute();
            return SourceResult.found(SecretSource.KUBERNETES_API, decode(secret), namespace);
        } catch (ApiException e) {
            return failure(e, name, namespace, where);
        }
    }

    private SourceResult failure(ApiException e, String name, String namespace, String where) {
        SecretSource api = SecretSource.KUBERNETES_API;
        return switch (e.getCode()) {
            case 404 -> SourceResult.notFound(api, Status.ABSENT, where, "not found (HTTP 404)");
            case 403 -> SourceResult.notFound(api, Status.FORBIDDEN, where, forbidden(e, name, namespace));
            case 401 ->
                SourceResult.notFound(
                        api,
                        Status.FAILED,
                        where,
                        "credentials rejected (HTTP 401) for " + who(e)
                                + ": check the service-account token or kubeconfig");
            case 0 ->
                SourceResult.notFound(
                        api, Status.UNREACHABLE, where, "API server " + server() + " unreachable (" + cause(e) + ")");
            default ->
                SourceResult.notFound(
                        api, Status.FAILED, where, "API server " + server() + " answered HTTP " + e.getCode());
        };
    }

    private String forbidden(ApiException e, String name, String namespace) {
        return "forbidden (HTTP 403): " + who(e) + " lacks 'get' on secret " + name + " in namespace " + namespace
                + "; grant it with a Role listing the secret in resourceNames and a RoleBinding to the agent's"
                + " service account, as in " + RBAC_MANIFEST;
    }

    /** The account acting: the token's {@code sub} claim, else the user the API server named, else a description. */
    private String who(ApiException e) {
        return account.subject().or(() -> userInMessage(e)).orElse(identity);
    }

    private static Optional<String> userInMessage(ApiException e) {
        String body = e.getResponseBody();
        if (body == null) {
            return Optional.empty();
        }
        Matcher matcher = FORBIDDEN_USER.matcher(body.replace("\\\"", "\""));
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static String cause(ApiException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    private static Map<String, String> decode(V1Secret secret) {
        Map<String, String> values = new LinkedHashMap<>();
        if (secret.getData() != null) {
            secret.getData().forEach((key, bytes) -> {
                String value = SecretValues.clean(new String(bytes, StandardCharsets.UTF_8));
                if (!value.isEmpty()) {
                    values.put(key, value);
                }
            });
        }
        return values;
    }
}
