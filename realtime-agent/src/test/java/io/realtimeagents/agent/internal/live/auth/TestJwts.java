package io.realtimeagents.agent.internal.live.auth;

import io.realtimeagents.common.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs JWTs for tests with the JDK's HMAC, independently of the code under test. */
final class TestJwts {
    /** The secret the tests configure as LIVE_AUTH_JWT_SECRET. */
    static final String SECRET = "test-secret-0123456789-abcdefghijklmnop";

    /** A secret long enough for HS512 (64 bytes). */
    static final String LONG_SECRET = "long-test-secret-0123456789-abcdefghijklmnopqrstuvwxyz-0123456789";

    /** Another secret of valid length, which the server does not know. */
    static final String OTHER_SECRET = "another-secret-0123456789-abcdefghijklm";

    private TestJwts() {}

    /** A token signed with HS256 and {@link #SECRET}. */
    static String hs256(Map<String, ?> claims) {
        return sign("HS256", claims, SECRET);
    }

    /** A token with header {@code {"alg": alg, "typ": "JWT"}} signed with the secret. */
    static String sign(String alg, Map<String, ?> claims, String secret) {
        return signRaw(Json.encodeToString(Map.of("alg", alg, "typ", "JWT")), Json.encodeToString(claims), alg, secret);
    }

    /** A token of the given header and payload text, signed with the HMAC that alg names. */
    static String signRaw(String header, String payload, String alg, String secret) {
        String signingInput = base64url(header) + "." + base64url(payload);
        return signingInput + "." + base64url(hmac(alg, secret, signingInput));
    }

    /** Unpadded base64url of the UTF-8 bytes of the text. */
    static String base64url(String text) {
        return base64url(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String base64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] hmac(String alg, String secret, String input) {
        String macName = "Hmac"
                + switch (alg) {
                    case "HS384" -> "SHA384";
                    case "HS512" -> "SHA512";
                    default -> "SHA256";
                };
        try {
            Mac mac = Mac.getInstance(macName);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), macName));
            return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
