package io.realtimeagents.secrets;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;

/**
 * A real HTTP Kubernetes API server emulator (fabric8's mock server): CRUD mode stores the secrets we create, and
 * expectations answer chosen paths with errors (403). The official client under test talks to it over HTTP.
 */
final class KubernetesApiEmulator implements AutoCloseable {
    private final KubernetesMockServer server;
    private final NamespacedKubernetesClient fabric8;

    KubernetesApiEmulator() {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        server = new KubernetesMockServer(
                new Context(), new MockWebServer(), responses, new KubernetesMixedDispatcher(responses), false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        fabric8 = server.createClient();
    }

    /** The server's base URL, e.g. {@code http://127.0.0.1:40123}. */
    String url() {
        String url = server.url("/");
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** An official-client {@link ApiClient} pointed at the emulator. */
    ApiClient apiClient() {
        return new ClientBuilder().setBasePath(url()).build();
    }

    /** Creates or replaces a secret; values are stored base64-encoded in {@code data}, as the API server does. */
    void putSecret(String namespace, String name, Map<String, String> values) {
        Map<String, String> data = new LinkedHashMap<>();
        values.forEach((key, value) ->
                data.put(key, Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
        Secret secret = new SecretBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .endMetadata()
                .withType("Opaque")
                .withData(data)
                .build();
        fabric8.secrets().inNamespace(namespace).resource(secret).createOr(NonDeletingOperation::update);
    }

    /** Deletes a secret. */
    void deleteSecret(String namespace, String name) {
        fabric8.secrets().inNamespace(namespace).withName(name).delete();
    }

    /** Answers every read of the secret with 403 Forbidden, worded as a real API server words it for the user. */
    void forbid(String namespace, String name, String user) {
        Status status = new StatusBuilder()
                .withStatus("Failure")
                .withReason("Forbidden")
                .withCode(403)
                .withMessage("secrets \"" + name + "\" is forbidden: User \"" + user
                        + "\" cannot get resource \"secrets\" in API group \"\" in the namespace \"" + namespace
                        + "\"")
                .build();
        server.expect()
                .get()
                .withPath("/api/v1/namespaces/" + namespace + "/secrets/" + name)
                .andReturn(403, status)
                .always();
    }

    @Override
    public void close() {
        fabric8.close();
        server.destroy();
    }
}
