package io.realtimeagents.agent.internal.live.auth;

import com.nimbusds.jose.JWSAlgorithm;
import java.util.Optional;

/**
 * The JWT signature algorithms accepted: HMAC over {@code LIVE_AUTH_JWT_SECRET}, and RSA, RSA-PSS and ECDSA with the
 * public keys of {@code LIVE_AUTH_JWKS_URL}. A token's {@code alg} picks the key source, so an HMAC token is never
 * checked against a public key (or the other way round).
 */
enum JwtAlgorithm {
    HS256(JWSAlgorithm.HS256),
    HS384(JWSAlgorithm.HS384),
    HS512(JWSAlgorithm.HS512),
    RS256(JWSAlgorithm.RS256),
    RS384(JWSAlgorithm.RS384),
    RS512(JWSAlgorithm.RS512),
    PS256(JWSAlgorithm.PS256),
    PS384(JWSAlgorithm.PS384),
    PS512(JWSAlgorithm.PS512),
    ES256(JWSAlgorithm.ES256),
    ES384(JWSAlgorithm.ES384),
    ES512(JWSAlgorithm.ES512);

    /** What denial reasons tell clients to sign with when the secret is configured. */
    static final String HMAC_NAMES = "HS256, HS384 or HS512";

    /** What denial reasons tell clients to sign with when a JWKS URL is configured. */
    static final String PUBLIC_KEY_NAMES = "RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384 or ES512";

    private final JWSAlgorithm jose;

    JwtAlgorithm(JWSAlgorithm jose) {
        this.jose = jose;
    }

    /** The algorithm a JWT header's {@code alg} names, if it is accepted; names are case-sensitive (RFC 7518). */
    static Optional<JwtAlgorithm> named(String alg) {
        for (JwtAlgorithm algorithm : values()) {
            if (algorithm.name().equals(alg)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    /** The shortest HMAC secret the algorithm may use: as long as its hash (RFC 7518, 3.2); 0 for the others. */
    int minSecretBytes() {
        return switch (this) {
            case HS256 -> 32;
            case HS384 -> 48;
            case HS512 -> 64;
            default -> 0;
        };
    }

    /** Whether the signature is an HMAC over the shared secret. */
    boolean hmac() {
        return JWSAlgorithm.Family.HMAC_SHA.contains(jose);
    }
}
