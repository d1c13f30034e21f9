package io.realtimeagents.secrets.internal;

import io.realtimeagents.secrets.SecretKey;
import io.realtimeagents.secrets.ServiceSecret;
import java.util.ArrayList;
import java.util.List;

/** Problems found in secrets, each a sentence naming the key and the secret, never a value. */
public final class Problems {
    private final List<String> messages = new ArrayList<>();

    /** Adds a problem. */
    public void add(String message) {
        messages.add(message);
    }

    void missingKey(ServiceSecret secret, SecretKey key, String because) {
        messages.add("Missing key " + key.key() + " in platform " + secret.describe()
                + (because.isEmpty() ? "" : ", needed because " + because) + ": add it" + alsoAccepted(key));
    }

    void invalidValue(ServiceSecret secret, SecretKey key, String reason) {
        String stored = secret.storedName(key).orElse(key.key());
        messages.add("Invalid value (hidden) of key " + stored + " in platform " + secret.describe() + ": " + reason);
    }

    void conflict(ServiceSecret secret, SecretKey key, List<String> storedNames) {
        messages.add("Platform " + secret.describe() + " holds " + key.key() + " under several names with different"
                + " values (" + String.join(", ", storedNames) + "): keep only one of them");
    }

    /** The problems found, in order. */
    public List<String> messages() {
        return List.copyOf(messages);
    }

    /** Whether no problem was found. */
    public boolean isEmpty() {
        return messages.isEmpty();
    }

    private static String alsoAccepted(SecretKey key) {
        return key.aliases().isEmpty() ? "" : " (also accepted: " + String.join(", ", key.aliases()) + ")";
    }
}
