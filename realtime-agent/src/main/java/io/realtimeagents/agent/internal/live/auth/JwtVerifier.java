package io.realtimeagents.agent.internal.live.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies JWTs with the JOSE library: HMAC tokens (HS256/384/512) with {@code LIVE_AUTH_JWT_SECRET}, RSA and EC
 * tokens (RS/PS/ES) with the keys of {@code LIVE_AUTH_JWKS_URL}; then {@code exp} and {@code nbf} with the clock skew,
 * and {@code iss} and {@code aud} when {@code LIVE_AUTH_JWT_ISSUER} and {@code LIVE_AUTH_JWT_AUDIENCE} are set. A
 * granted token may read the topics of its {@code topics} claim and run the task types of its {@code tasks} claim.
 */
final class JwtVerifier {
    /** The clock skew allowed unless configured otherwise. */
    static final Duration LEEWAY = Duration.ofSeconds(30);

    /** Longer values are refused before any decoding; real tokens are a few hundred characters. */
    static final int MAX_LENGTH = 8192;

    /**
     * What a token must name besides a valid signature.
     *
     * @param issuer the required {@code iss}, or null for any
     * @param audience the {@code aud} entry required, or null for any
     * @param leeway how far the clocks of the issuer and this server may disagree
     */
    record Checks(String issuer, String audience, Duration leeway) {}

    private final JWSVerifier hmac;
    private final int secretBytes;
    private final JwksKeys jwks;
    private final Checks checks;

    /**
     * A verifier of tokens signed with the secret, the keys of a JWKS URL, or both.
     *
     * @param secret the HMAC key, whose UTF-8 bytes sign tokens, or null
     * @param jwks the public keys, or null
     */
    JwtVerifier(String secret, JwksKeys jwks, Checks checks) {
        if (secret == null && jwks == null) {
            throw new IllegalArgumentException("a JWT verifier needs LIVE_AUTH_JWT_SECRET or LIVE_AUTH_JWKS_URL");
        }
        this.hmac = secret == null ? null : macVerifier(secret);
        this.secretBytes = secret == null ? 0 : secret.getBytes(StandardCharsets.UTF_8).length;
        this.jwks = jwks;
        this.checks = checks;
    }

    /** A verifier of tokens signed with the secret, with the default leeway. */
    static JwtVerifier hmac(String secret, String issuer, String audience) {
        return new JwtVerifier(secret, null, new Checks(issuer, audience, LEEWAY));
    }

    private static JWSVerifier macVerifier(String secret) {
        try {
            return new MACVerifier(secret.getBytes(StandardCharsets.UTF_8));
        } catch (JOSEException e) {
            throw new IllegalArgumentException("LIVE_AUTH_JWT_SECRET must be at least 32 characters (256 bits)", e);
        }
    }

    /** Grants the token's subject its topics and tasks, or denies with a 401 saying what is wrong. */
    AccessDecision verify(String token, Instant now) {
        try {
            SignedJWT jwt = parse(token);
            checkSignature(algorithm(jwt.getHeader()), jwt);
            JwtClaims claims = JwtClaims.of(jwt.getPayload().toJSONObject());
            Instant expiry = checkTimes(claims, now);
            checkIssuer(claims);
            checkAudience(claims);
            return new AccessDecision.Granted(
                    claims.subject(),
                    claims.topics(),
                    claims.tasks(),
                    claims.statusScope(),
                    expiry == null || expiry.isAfter(Instant.MAX.minus(checks.leeway()))
                            ? null
                            : expiry.plus(checks.leeway()));
        } catch (TokenRejectedException e) {
            return AccessDecision.Denied.unauthorized(e.getMessage());
        }
    }

    /** Which keys and claims are checked, for the start-up log: e.g. {@code HS256/384/512, issuer auth.example}. */
    String describe() {
        List<String> parts = new ArrayList<>();
        if (hmac != null) {
            parts.add("HS256/384/512");
        }
        if (jwks != null) {
            parts.add("RS/PS/ES keys of " + jwks.url());
        }
        if (checks.issuer() != null) {
            parts.add("issuer " + checks.issuer());
        }
        if (checks.audience() != null) {
            parts.add("audience " + checks.audience());
        }
        return String.join(", ", parts);
    }

    /** What tokens must be signed with, for denial reasons. */
    String signedWith() {
        if (jwks == null) {
            return "LIVE_AUTH_JWT_SECRET";
        }
        return hmac == null ? "a key of LIVE_AUTH_JWKS_URL" : "LIVE_AUTH_JWT_SECRET or a key of LIVE_AUTH_JWKS_URL";
    }

    /** Stops refreshing the JWKS keys, if any. */
    void close() {
        if (jwks != null) {
            jwks.close();
        }
    }

    /** Starts fetching the JWKS keys, if any, so the first client does not wait. */
    void prefetch() {
        if (jwks != null) {
            Thread.ofVirtual().name("jwks-prefetch").start(jwks::prefetch);
        }
    }

    private SignedJWT parse(String token) throws TokenRejectedException {
        if (token.length() > MAX_LENGTH) {
            throw TokenRejectedException.malformed("longer than " + MAX_LENGTH + " characters");
        }
        long dots = token.chars().filter(c -> c == '.').count();
        if (dots != 2) {
            throw TokenRejectedException.malformed(
                    "a JWT has three base64url parts separated by dots, this one has " + (dots + 1));
        }
        String alg = algorithmName(token.substring(0, token.indexOf('.')));
        if (alg.equalsIgnoreCase("none")) {
            throw new TokenRejectedException("alg none is not accepted: sign with " + accepted());
        }
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            // the parser's message is not passed on: it may quote the token
            throw TokenRejectedException.malformed("the header is not a valid JWS header");
        }
        if (!(jwt instanceof SignedJWT signed)) {
            throw new TokenRejectedException("only signed JWTs are accepted: sign with " + accepted());
        }
        return signed;
    }

    /** The {@code alg} of an encoded header, read before the library parses the token, to explain refusals. */
    private String algorithmName(String encodedHeader) throws TokenRejectedException {
        Map<String, Object> header;
        try {
            header = JSONObjectUtils.parse(new Base64URL(encodedHeader).decodeToString());
        } catch (ParseException | RuntimeException e) {
            throw TokenRejectedException.malformed("the header is not a base64url-encoded JSON object");
        }
        if (!(header.get("alg") instanceof String alg)) {
            throw TokenRejectedException.malformed("the header names no alg: sign with " + accepted());
        }
        return alg;
    }

    private JwtAlgorithm algorithm(JWSHeader header) throws TokenRejectedException {
        if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
            throw new TokenRejectedException(
                    "the header's crit names extensions this server does not support: sign without crit");
        }
        String name = header.getAlgorithm().getName();
        Optional<JwtAlgorithm> algorithm = JwtAlgorithm.named(name);
        if (algorithm.isEmpty() || (algorithm.get().hmac() ? hmac == null : jwks == null)) {
            throw new TokenRejectedException("alg " + ReasonText.shown(name) + " is not accepted: sign with "
                    + accepted() + " using " + signedWith());
        }
        if (algorithm.get().hmac() && secretBytes < algorithm.get().minSecretBytes()) {
            throw new TokenRejectedException("alg " + name + " needs a LIVE_AUTH_JWT_SECRET of at least "
                    + algorithm.get().minSecretBytes() + " bytes (RFC 7518), this server's is shorter: sign with"
                    + " HS256, or configure a longer secret");
        }
        return algorithm.get();
    }

    private String accepted() {
        if (jwks == null) {
            return JwtAlgorithm.HMAC_NAMES;
        }
        return hmac == null
                ? JwtAlgorithm.PUBLIC_KEY_NAMES
                : JwtAlgorithm.HMAC_NAMES.replace(" or ", ", ") + ", " + JwtAlgorithm.PUBLIC_KEY_NAMES;
    }

    private void checkSignature(JwtAlgorithm algorithm, SignedJWT jwt) throws TokenRejectedException {
        if (algorithm.hmac()) {
            if (!verifies(jwt, hmac)) {
                throw new TokenRejectedException("signature does not match LIVE_AUTH_JWT_SECRET: sign tokens with the"
                        + " secret this server is configured with");
            }
            return;
        }
        for (JWK key : jwks.keysFor(jwt.getHeader())) {
            if (verifies(jwt, publicKeyVerifier(key))) {
                return;
            }
        }
        throw new TokenRejectedException("signature does not match the keys of LIVE_AUTH_JWKS_URL: sign tokens with a"
                + " key the identity provider publishes");
    }

    private static JWSVerifier publicKeyVerifier(JWK key) throws TokenRejectedException {
        try {
            if (key instanceof RSAKey rsa) {
                return new RSASSAVerifier(rsa);
            }
            if (key instanceof ECKey ec) {
                return new ECDSAVerifier(ec);
            }
        } catch (JOSEException e) {
            // an unusable key in the set verifies nothing
        }
        return null;
    }

    private static boolean verifies(SignedJWT jwt, JWSVerifier verifier) {
        if (verifier == null) {
            return false;
        }
        try {
            return jwt.verify(verifier);
        } catch (JOSEException | IllegalStateException e) {
            return false;
        }
    }

    /** Checks {@code exp} and {@code nbf}; returns {@code exp}, or null when there is none. */
    private Instant checkTimes(JwtClaims claims, Instant now) throws TokenRejectedException {
        Optional<Instant> expiry = claims.time("exp");
        if (expiry.isPresent() && !expiry.get().isAfter(now.minus(checks.leeway()))) {
            throw new TokenRejectedException("token expired at " + expiry.get() + ": get a new token from its issuer");
        }
        Optional<Instant> notBefore = claims.time("nbf");
        if (notBefore.isPresent() && notBefore.get().isAfter(now.plus(checks.leeway()))) {
            throw new TokenRejectedException("token is not valid before " + notBefore.get()
                    + " (nbf): wait, or check the clocks of the issuer and this server");
        }
        return expiry.orElse(null);
    }

    private void checkIssuer(JwtClaims claims) throws TokenRejectedException {
        String issuer = checks.issuer();
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
        String audience = checks.audience();
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
