package io.realtimeagents.secrets.internal;

import io.realtimeagents.secrets.SecretSource;
import java.util.Map;

/**
 * The outcome of looking for one secret in one source.
 *
 * @param source the source looked in
 * @param status what was found
 * @param values the secret's keys and values when found, else empty
 * @param location the namespace, directory or "environment" looked in
 * @param detail what happened, for messages (never a value), e.g. "not found (HTTP 404)"
 */
public record SourceResult(
        SecretSource source, Status status, Map<String, String> values, String location, String detail) {

    /** What a source answered. */
    public enum Status {
        /** The secret was read. */
        FOUND,
        /** The source works, but has no such secret. */
        ABSENT,
        /** The Kubernetes API refused to give the secret (HTTP 403). */
        FORBIDDEN,
        /** The Kubernetes API server could not be reached. */
        UNREACHABLE,
        /** The source answered with an error. */
        FAILED,
        /** The source is not available here (e.g. no Kubernetes API configured). */
        NOT_CONFIGURED
    }

    static SourceResult found(SecretSource source, Map<String, String> values, String location) {
        return new SourceResult(source, Status.FOUND, Map.copyOf(values), location, "found");
    }

    static SourceResult notFound(SecretSource source, Status status, String location, String detail) {
        return new SourceResult(source, status, Map.of(), location, detail);
    }

    /** Whether the secret was read. */
    public boolean found() {
        return status == Status.FOUND;
    }

    /** The attempt described for messages, e.g. "Kubernetes API (namespace apps): not found (HTTP 404)". */
    public String attempt() {
        return source.description() + " (" + location + "): " + detail;
    }
}
