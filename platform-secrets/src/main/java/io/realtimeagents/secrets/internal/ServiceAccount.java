package io.realtimeagents.secrets.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

/**
 * The files Kubernetes mounts into a pod for its service account: {@code namespace} and {@code token} under
 * {@code /var/run/secrets/kubernetes.io/serviceaccount} (the Kubernetes convention).
 */
public final class ServiceAccount {
    /** Where Kubernetes mounts a pod's service-account files. */
    public static final Path DEFAULT_DIRECTORY = Path.of("/var/run/secrets/kubernetes.io/serviceaccount");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;

    /** The service account whose files are in the directory. */
    public ServiceAccount(Path directory) {
        this.directory = directory;
    }

    /** No service account: the client acts as someone else (e.g. a kubeconfig user). */
    public static ServiceAccount none() {
        return new ServiceAccount(null);
    }

    /** Whether the pod's token file exists (the sign of running in a pod with a service account). */
    public boolean hasToken() {
        return directory != null && Files.isReadable(directory.resolve("token"));
    }

    /** The pod's namespace, from the {@code namespace} file. */
    public Optional<String> namespace() {
        if (directory == null) {
            return Optional.empty();
        }
        try {
            Path file = directory.resolve("namespace");
            if (Files.isReadable(file)) {
                String namespace =
                        Files.readString(file, StandardCharsets.UTF_8).trim();
                return namespace.isEmpty() ? Optional.empty() : Optional.of(namespace);
            }
        } catch (IOException e) {
            // unreadable: no namespace from here
        }
        return Optional.empty();
    }

    /**
     * The {@code sub} claim of the token, e.g. {@code system:serviceaccount:apps:health-agent}. The token's signature
     * is not checked: the claim only names the account in error messages.
     */
    public Optional<String> subject() {
        if (directory == null) {
            return Optional.empty();
        }
        try {
            Path file = directory.resolve("token");
            if (!Files.isReadable(file)) {
                return Optional.empty();
            }
            String[] parts =
                    Files.readString(file, StandardCharsets.US_ASCII).trim().split("\\.");
            if (parts.length < 2) {
                return Optional.empty();
            }
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            JsonNode sub = claims.get("sub");
            return sub != null && sub.isTextual() ? Optional.of(sub.asText()) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
