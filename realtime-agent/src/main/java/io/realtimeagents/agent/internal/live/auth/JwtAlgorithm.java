package io.realtimeagents.agent.internal.live.auth;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The JWT signature algorithms accepted: HMAC with SHA-256, SHA-384 or SHA-512 over a shared secret. */
enum JwtAlgorithm {
    HS256("HmacSHA256"),
    HS384("HmacSHA384"),
    HS512("HmacSHA512");

    /** What denial reasons tell clients to sign with. */
    static final String ACCEPTED = "HS256, HS384 or HS512";

    private final String macName;

    JwtAlgorithm(String macName) {
        this.macName = macName;
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

    /** The signature of the input under the key. */
    byte[] sign(byte[] key, byte[] input) {
        try {
            Mac mac = Mac.getInstance(macName);
            mac.init(new SecretKeySpec(key, macName));
            return mac.doFinal(input);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(
                    "This JVM cannot compute " + macName + ", which every Java platform must provide", e);
        }
    }
}
