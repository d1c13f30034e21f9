package io.realtimeagents.agent.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

/** HS256 JWTs for integration tests, signed with the JOSE library. */
public final class TestTokens {
    private TestTokens() {}

    /**
     * A token signed with the secret.
     *
     * @param claims custom claims such as {@code topics}, {@code tasks} and {@code scope}
     * @param expires its {@code exp}, or null for none
     */
    public static String hs256(String secret, Map<String, ?> claims, Instant expires) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().subject("it-client");
        claims.forEach(builder::claim);
        if (expires != null) {
            builder.expirationTime(Date.from(expires));
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), builder.build());
        try {
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
