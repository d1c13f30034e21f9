package io.realtimeagents.agent.internal.live.auth;

import io.realtimeagents.common.live.TopicPermissions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The static keys of {@code LIVE_AUTH_API_KEYS}, {@code <key>=<pattern>|<pattern>,...}, with the topics each may
 * read. Only SHA-256 digests of the keys are kept; a presented key is compared with every one of them in constant
 * time, so neither the timing nor the subject ({@code api-key-<n>}) gives a key away.
 */
final class ApiKeys {
    private final List<byte[]> digests;
    private final List<TopicPermissions> permissions;

    private ApiKeys(List<byte[]> digests, List<TopicPermissions> permissions) {
        this.digests = digests;
        this.permissions = permissions;
    }

    /**
     * Parses the setting; null or blank gives no keys.
     *
     * @throws IllegalArgumentException naming the entry by its position, never the key
     */
    static ApiKeys parse(String setting) {
        List<byte[]> digests = new ArrayList<>();
        List<TopicPermissions> permissions = new ArrayList<>();
        String[] entries = setting == null ? new String[0] : setting.split(",");
        for (String raw : entries) {
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            int eq = entry.indexOf('=');
            String key = eq < 0 ? "" : entry.substring(0, eq).trim();
            if (key.isEmpty()) {
                throw new IllegalArgumentException("LIVE_AUTH_API_KEYS entry " + (digests.size() + 1)
                        + " must be <key>=<topic>|<topic>, e.g. a random key of 32 characters=alerts|patient.*");
            }
            digests.add(sha256(key));
            permissions.add(topics(entry.substring(eq + 1), digests.size()));
        }
        return new ApiKeys(List.copyOf(digests), List.copyOf(permissions));
    }

    private static TopicPermissions topics(String patterns, int index) {
        try {
            return TopicPermissions.of(Arrays.asList(patterns.split("\\|")));
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
        return found < 0
                ? Optional.empty()
                : Optional.of(new AccessDecision.Granted("api-key-" + (found + 1), permissions.get(found)));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no SHA-256, which every Java platform must provide", e);
        }
    }
}
