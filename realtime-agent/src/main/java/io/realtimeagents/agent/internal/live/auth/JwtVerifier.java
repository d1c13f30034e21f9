package io.realtimeagents.agent.internal.live.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies JWTs signed with {@code LIVE_AUTH_JWT_SECRET}: the algorithm (HS256, HS384 or HS512 only), the signature
 * (compared in constant time), {@code exp} and {@code nbf} with {@link #LEEWAY} for clock skew, and {@code iss} and
 * {@code aud} when {@code LIVE_AUTH_JWT_ISSUER} and {@code LIVE_AUTH_JWT_AUDIENCE} are set. A granted token may read
 * the topics of its {@code topics} claim.
 */
final class JwtVerifier {
    /** How far the clocks of the token's issuer and this server may disagree. */
    static final Duration LEEWAY = Duration.ofSeconds(30);

    private final byte[] secret;
    private final String issuer;
    private final String audience;

    /**
     * A verifier of tokens signed with the secret.
     *
     * @param secret the HMAC key, whose UTF-8 bytes sign tokens
     * @param issuer the required {@code iss}, or null for any
     * @param audience the {@code aud} entry required, or null for any
     */
    JwtVerifier(String secret, String issuer, String audience) {
        this.secret = Objects.requireNonNull(secret, "secret").getBytes(StandardCharsets.UTF_8);
        this.issuer = issuer;
        this.audience = audience;
    }

    /** Grants the token's subject its topics, or denies with a 401 saying what is wrong. */
    AccessDecision verify(String token, Instant now) {
        try {
            JwtToken jwt = JwtToken.parse(token);
            checkSignature(algorithm(jwt.header()), jwt);
            JwtClaims claims = JwtClaims.parse(jwt.payload());
            checkTimes(claims, now);
            checkIssuer(claims);
            checkAudience(claims);
            return new AccessDecision.Granted(claims.subject(), claims.topics());
        } catch (TokenRejectedException e) {
            return AccessDecision.Denied.unauthorized(e.getMessage());
        }
    }

    /** Which claims are checked, for the start-up log: e.g. {@code HS256/384/512, issuer auth.example}. */
    String describe() {
        return "HS256/384/512" + (issuer == null ? "" : ", issuer " + issuer)
                + (audience == null ? "" : ", audience " + audience);
    }

    private static JwtAlgorithm algorithm(JsonNode header) throws TokenRejectedException {
        JsonNode alg = header.get("alg");
        if (alg == null || !alg.isTextual()) {
            throw TokenRejectedException.malformed("the header names no alg: sign with " + JwtAlgorithm.ACCEPTED);
        }
        if (header.has("crit")) {
            throw new TokenRejectedException(
                    "the header's crit names extensions this server does not support: sign without crit");
        }
        String name = alg.textValue();
        if (name.equalsIgnoreCase("none")) {
            throw new TokenRejectedException("alg none is not accepted: sign with " + JwtAlgorithm.ACCEPTED);
        }
        Optional<JwtAlgorithm> algorithm = JwtAlgorithm.named(name);
        if (algorithm.isEmpty()) {
            throw new TokenRejectedException("alg " + ReasonText.shown(name) + " is not accepted: sign with "
                    + JwtAlgorithm.ACCEPTED + " using LIVE_AUTH_JWT_SECRET");
        }
        return algorithm.get();
    }

    private void checkSignature(JwtAlgorithm algorithm, JwtToken jwt) throws TokenRejectedException {
        byte[] expected = algorithm.sign(secret, jwt.signingInput());
        if (!MessageDigest.isEqual(expected, jwt.signature())) {
            throw new TokenRejectedException("signature does not match LIVE_AUTH_JWT_SECRET: sign tokens with the"
                    + " secret this server is configured with");
        }
    }

    private static void checkTimes(JwtClaims claims, Instant now) throws TokenRejectedException {
        Optional<Instant> expiry = claims.time("exp");
        if (expiry.isPresent() && !expiry.get().isAfter(now.minus(LEEWAY))) {
            throw new TokenRejectedException("token expired at " + expiry.get() + ": get a new token from its issuer");
        }
        Optional<Instant> notBefore = claims.time("nbf");
        if (notBefore.isPresent() && notBefore.get().isAfter(now.plus(LEEWAY))) {
            throw new TokenRejectedException("token is not valid before " + notBefore.get()
                    + " (nbf): wait, or check the clocks of the issuer and this server");
        }
    }

    private void checkIssuer(JwtClaims claims) throws TokenRejectedException {
        if (issuer == null) {
            return;
        }
        Optional<String> iss = claims.issuer();
        if (iss.isEmpty()) {
            throw new TokenRejectedException("token has no iss claim: LIVE_AUTH_JWT_ISSUER requires " + issuer);
        }
        if (!iss.get().equals(issuer)) {
            throw new TokenRejectedException(
                    "iss " + ReasonText.shown(iss.get()) + " is not LIVE_AUTH_JWT_ISSUER " + issuer);
        }
    }

    private void checkAudience(JwtClaims claims) throws TokenRejectedException {
        if (audience == null) {
            return;
        }
        List<String> aud = claims.audience();
        if (aud.isEmpty()) {
            throw new TokenRejectedException("token has no aud claim: LIVE_AUTH_JWT_AUDIENCE requires " + audience);
        }
        if (!aud.contains(audience)) {
            throw new TokenRejectedException("aud " + ReasonText.shown(String.join(", ", aud))
                    + " does not contain LIVE_AUTH_JWT_AUDIENCE " + audience);
        }
    }
}
