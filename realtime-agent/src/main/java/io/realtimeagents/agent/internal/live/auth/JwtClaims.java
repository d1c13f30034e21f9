package io.realtimeagents.agent.internal.live.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.realtimeagents.common.live.TopicPermissions;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The claims of a JWT whose signature has been checked, read with their types checked: a claim of the wrong type is
 * a malformed token, never an exception.
 */
final class JwtClaims {
    private static final BigDecimal MIN_SECONDS = BigDecimal.valueOf(Instant.MIN.getEpochSecond());
    private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(Instant.MAX.getEpochSecond());

    private final JsonNode claims;

    private JwtClaims(JsonNode claims) {
        this.claims = claims;
    }

    /**
     * Parses a decoded payload.
     *
     * @throws TokenRejectedException when the payload is not a JSON object
     */
    static JwtClaims parse(byte[] payload) throws TokenRejectedException {
        return new JwtClaims(JwtToken.jsonObject(payload, "payload"));
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
        JsonNode aud = claim("aud");
        if (aud == null) {
            return List.of();
        }
        if (aud.isTextual()) {
            return List.of(aud.textValue());
        }
        return strings(aud, "aud must be a string or an array of strings");
    }

    /** A NumericDate claim such as {@code exp} or {@code nbf}: seconds since the epoch, possibly fractional. */
    Optional<Instant> time(String name) throws TokenRejectedException {
        JsonNode value = claim(name);
        if (value == null) {
            return Optional.empty();
        }
        String problem = name + " must be a number of seconds since 1970-01-01T00:00:00Z";
        if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
            throw TokenRejectedException.malformed(problem);
        }
        BigDecimal seconds = value.decimalValue();
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
        JsonNode topics = claim("topics");
        if (topics == null) {
            return TopicPermissions.none();
        }
        String problem = "topics must be an array of topic patterns or one space-separated string";
        List<String> patterns = topics.isTextual() ? words(topics.textValue()) : strings(topics, problem);
        for (String pattern : patterns) {
            try {
                TopicPermissions.of(List.of(pattern));
            } catch (IllegalArgumentException e) {
                throw new TokenRejectedException("topics claim: '" + ReasonText.shown(pattern)
                        + "' is not a topic pattern: use topic names, prefixes ending in * (e.g. patient.*) or *");
            }
        }
        return TopicPermissions.of(patterns);
    }

    private Optional<String> text(String name) throws TokenRejectedException {
        JsonNode value = claim(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw TokenRejectedException.malformed(name + " must be a string");
        }
        return Optional.of(value.textValue());
    }

    /** The claim, or null when it is absent or JSON null. */
    private JsonNode claim(String name) {
        JsonNode value = claims.get(name);
        return value == null || value.isNull() ? null : value;
    }

    private static List<String> strings(JsonNode array, String problem) throws TokenRejectedException {
        if (!array.isArray()) {
            throw TokenRejectedException.malformed(problem);
        }
        List<String> strings = new ArrayList<>();
        for (JsonNode element : array) {
            if (!element.isTextual()) {
                throw TokenRejectedException.malformed(problem);
            }
            strings.add(element.textValue());
        }
        return strings;
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.trim().split("\\s+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }
}
