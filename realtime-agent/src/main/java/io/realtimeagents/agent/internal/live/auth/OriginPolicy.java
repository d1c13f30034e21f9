package io.realtimeagents.agent.internal.live.auth;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The browser origins allowed to connect ({@code LIVE_ALLOWED_ORIGINS}), compared case-insensitively. An empty list
 * allows any origin; a request without an {@code Origin} header (a client that is not a browser) always passes.
 */
final class OriginPolicy {
    private final List<String> origins;
    private final Set<String> allowed;

    OriginPolicy(List<String> origins) {
        this.origins = List.copyOf(origins);
        this.allowed = origins.stream().map(OriginPolicy::normalize).collect(Collectors.toUnmodifiableSet());
    }

    /** Why the origin is refused, or null when it may connect. */
    String problem(String origin) {
        if (origin == null || allowed.isEmpty() || allowed.contains(normalize(origin))) {
            return null;
        }
        return "Origin " + ReasonText.shown(origin) + " is not in LIVE_ALLOWED_ORIGINS: add it there to let pages"
                + " from it connect";
    }

    /** The allowed origins as configured, or {@code any}. */
    String describe() {
        return origins.isEmpty() ? "any" : String.join(", ", origins);
    }

    private static String normalize(String origin) {
        return origin.trim().toLowerCase(Locale.ROOT);
    }
}
