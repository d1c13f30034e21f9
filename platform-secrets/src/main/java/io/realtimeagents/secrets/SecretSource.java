package io.realtimeagents.secrets;

import java.util.Locale;

/** Where a platform secret can be read from, in the default order of {@link PlatformSecretLoader}. */
public enum SecretSource {
    /** The Kubernetes API: {@code GET /api/v1/namespaces/<namespace>/secrets/<platform>-<service>-secret}. */
    KUBERNETES_API("kubernetes", "Kubernetes API"),
    /** Mounted secret volumes: {@code <PLATFORM_SECRETS_DIR>/<platform>-<service>-secret/<key>}, a file per key. */
    MOUNTED_FILES("files", "mounted files"),
    /** Environment variables named like the secret's environment-style keys ({@code KAFKA_BOOTSTRAP_SERVERS}). */
    ENVIRONMENT("env", "environment variables");

    private final String id;
    private final String description;

    SecretSource(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** The name used in {@code PLATFORM_SECRETS_SOURCES}: {@code kubernetes}, {@code files} or {@code env}. */
    public String id() {
        return id;
    }

    /** A short description for messages, e.g. "mounted files". */
    public String description() {
        return description;
    }

    /**
     * The source with the given id.
     *
     * @throws IllegalArgumentException naming the accepted ids when there is none
     */
    public static SecretSource fromId(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        for (SecretSource source : values()) {
            if (source.id.equals(wanted)) {
                return source;
            }
        }
        throw new IllegalArgumentException("'" + id + "' is not a secret source: use kubernetes, files or env");
    }
}
