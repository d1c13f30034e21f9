package io.realtimeagents.agent.internal.live.auth;

import io.realtimeagents.common.internal.live.TopicPermissions;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The claims of a JWT whose signature has been checked, as the JOSE library parsed them, read with their types
 * checked: a claim of the wrong type is a malformed token, never an exception. Besides the registered claims it reads
 * {@code topics} (live topics), {@code tasks} (task types) and {@code scope} (the {@code status} scope).
 */
final class JwtClaims {
    private static final BigDecimal MIN_SECONDS = BigDecimal.valueOf(Instant.MIN.getEpochSecond());
    private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(Instant.MAX.getEpochSecond());

    private final Map<String, Object> claims;

    private JwtClaims(Map<String, Object> claims) {
        this.claims = claims;
    }

    /**
     * The claims of a parsed payload.
     *
     * @param payload the payload as a JSON object, or null when it is not one
     * @throws TokenRejectedException when the payload is not a JSON object
     */
    static JwtClaims of(Map<String, Object> payload) throws TokenRejectedException {
        if (payload == null) {
            throw TokenRejectedException.malformed("the payload is not a JSON object");
        }
        return new JwtClaims(payload);
    }

    /** The {@code sub} claim, or {@code jwt} when there is none. */
    String subject() throws TokenRejectedException {
        return text("sub").orElse("jwt");
    }

    /** The {@code iss} claim, if present. */
    Optional<String> issuer() throws TokenRejectedException {
        return text("iss");
    }

    /** The {@code aud} claim, one string or an array of strings; empty when absent. */
    List<String> audience() throws TokenRejectedException {
        return words("aud", false, "aud must be a string or an array of strings");
    }

    /** A NumericDate claim such as {@code exp} or {@code nbf}: seconds since the epoch, possibly fractional. */
    Optional<Instant> time(String name) throws TokenRejectedException {
        Object value = claims.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
            throw TokenRejectedException.malformed(name + " must be a number of seconds since 1970-01-01T00:00:00Z");
        }
        BigDecimal seconds = number instanceof Long || number instanceof Integer
                ? BigDecimal.valueOf(number.longValue())
                : BigDecimal.valueOf(number.doubleValue());
        if (seconds.compareTo(MIN_SECONDS) < 0) {
            return Optional.of(Instant.MIN);
        }
        if (seconds.compareTo(MAX_SECONDS) > 0) {
            return Optional.of(Instant.MAX);
        }
        BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
        long nanos = seconds.subtract(whole).movePointRight(9).longValue();
        return Optional.of(Instant.ofEpochSecond(whole.longValueExact(), nanos));
    }

    /**
     * The {@code topics} claim: an array of patterns or one space-separated string. Without it the token may read
     * nothing.
     */
    TopicPermissions topics() throws TokenRejectedException {
        List<String> patterns =
                words("topics", true, "topics must be an array of topic patterns or one space-separated string");
        for (String pattern : patterns) {
            try {
                TopicPermissions.of(List.of(pattern));
            } catch (IllegalArgumentException e) {
                throw new TokenRejectedException("topics claim: '" + ReasonText.shown(pattern)
                        + "' is not a topic pattern: use topic names, prefixes ending in * (e.g. patient.*) or *");
            }
        }
        return patterns.isEmpty() ? TopicPermissions.none() : TopicPermissions.of(patterns);
    }

    /**
     * The {@code tasks} claim: an array of task types or one space-separated string, {@code *} for all. Without it the
     * token may run no task.
     */
    TaskPermissions tasks() throws TokenRejectedException {
        List<String> types = words("tasks", true, "tasks must be an array of task types or one space-separated string");
        try {
            return TaskPermissions.of(types);
        } catch (IllegalArgumentException e) {
            throw new TokenRejectedException("tasks claim: " + e.getMessage());
        }
    }

    /** Whether the {@code scope} claim (a space-separated string or an array) contains {@code status}. */
    boolean statusScope() throws TokenRejectedException {
        return words("scope", true, "scope must be a space-separated string or an array of strings")
                .contains("status");
    }

    private Optional<String> text(String name) throws TokenRejectedException {
        Object value = claims.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            throw TokenRejectedException.malformed(name + " must be a string");
        }
        return Optional.of(text);
    }

    /** A claim of one string (split at spaces when {@code split}) or an array of strings; empty when absent. */
    private List<String> words(String name, boolean split, String problem) throws TokenRejectedException {
        Object value = claims.get(name);
        if (value == null) {
            return List.of();
        }
        if (value instanceof String text) {
            return split ? spaceSeparated(text) : List.of(text);
        }
        if (!(value instanceof List<?> array)) {
            throw TokenRejectedException.malformed(problem);
        }
        List<String> strings = new ArrayList<>();
        for (Object element : array) {
            if (!(element instanceof String text)) {
                throw TokenRejectedException.malformed(problem);
            }
            strings.add(text);
        }
        return strings;
    }

    private static List<String> spaceSeparated(String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.trim().split("\\s+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }
}
