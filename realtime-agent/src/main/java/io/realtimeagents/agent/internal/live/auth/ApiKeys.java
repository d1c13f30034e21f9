package io.realtimeagents.agent.internal.live.auth;

import io.realtimeagents.common.internal.live.TopicPermissions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The static keys of {@code LIVE_AUTH_API_KEYS}, {@code <key>=<pattern>|<pattern>[;tasks=<type>|<type>][;scope=status]
 * ,...}, with the topics each may read, the task types it may run ({@code *} for all; none without the option) and
 * whether it may read the protected status endpoints. Only SHA-256 digests of the keys are kept; a presented key is
 * compared with every one of them in constant time, so neither the timing nor the subject ({@code api-key-<n>}) gives
 * a key away.
 */
final class ApiKeys {
    private final List<byte[]> digests;
    private final List<AccessDecision.Granted> grants;

    private ApiKeys(List<byte[]> digests, List<AccessDecision.Granted> grants) {
        this.digests = digests;
        this.grants = grants;
    }

    /**
     * Parses the setting; null or blank gives no keys.
     *
     * @throws IllegalArgumentException naming the entry by its position, never the key
     */
    static ApiKeys parse(String setting) {
        List<byte[]> digests = new ArrayList<>();
        List<AccessDecision.Granted> grants = new ArrayList<>();
        String[] entries = setting == null ? new String[0] : setting.split(",");
        for (String raw : entries) {
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            int eq = entry.indexOf('=');
            String key = eq < 0 ? "" : entry.substring(0, eq).trim();
            int index = digests.size() + 1;
            if (key.isEmpty()) {
                throw new IllegalArgumentException("LIVE_AUTH_API_KEYS entry " + index
                        + " must be <key>=<topic>|<topic>, e.g. a random key of 32 characters=alerts|patient.*");
            }
            digests.add(sha256(key));
            grants.add(grant(entry.substring(eq + 1), index));
        }
        return new ApiKeys(List.copyOf(digests), List.copyOf(grants));
    }

    private static AccessDecision.Granted grant(String permissions, int index) {
        String[] parts = permissions.split(";", -1);
        TaskPermissions tasks = TaskPermissions.none();
        boolean status = false;
        try {
            TopicPermissions topics = parts[0].isBlank()
                    ? TopicPermissions.none()
                    : TopicPermissions.of(Arrays.asList(parts[0].split("\\|")));
            for (int i = 1; i < parts.length; i++) {
                String option = parts[i].trim();
                if (option.startsWith("tasks=")) {
                    tasks = TaskPermissions.of(
                            Arrays.asList(option.substring("tasks=".length()).split("\\|")));
                } else if (option.equals("scope=status")) {
                    status = true;
                } else if (!option.isEmpty()) {
                    // not quoted: a mistyped separator could make it a key
                    throw new IllegalArgumentException(
                            "an option after ';' is neither tasks=<type>|<type> nor scope=status");
                }
            }
            return new AccessDecision.Granted("api-key-" + index, topics, tasks, status, null);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("LIVE_AUTH_API_KEYS entry " + index + ": " + e.getMessage(), e);
        }
    }

    /** Whether no key is configured. */
    boolean isEmpty() {
        return digests.isEmpty();
    }

    /** How many keys are configured. */
    int size() {
        return digests.size();
    }

    /** The grant of the key presented, if it is one of the configured keys; every key is compared. */
    Optional<AccessDecision.Granted> match(String presented) {
        byte[] digest = sha256(presented);
        int found = -1;
        for (int i = 0; i < digests.size(); i++) {
            if (MessageDigest.isEqual(digests.get(i), digest) && found < 0) {
                found = i;
            }
        }
        return found < 0 ? Optional.empty() : Optional.of(grants.get(found));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no SHA-256, which every Java platform must provide", e);
        }
    }
}
