package io.realtimeagents.agent.internal.live.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.realtimeagents.common.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A JWT in compact form split into its parts and decoded, but not yet trusted: {@link JwtVerifier} checks the
 * signature over {@link #signingInput()} before it reads the payload's claims.
 */
final class JwtToken {
    /** Longer values are refused before any decoding; real tokens are a few hundred characters. */
    static final int MAX_LENGTH = 8192;

    private final JsonNode header;
    private final byte[] signingInput;
    private final byte[] payload;
    private final byte[] signature;

    private JwtToken(JsonNode header, byte[] signingInput, byte[] payload, byte[] signature) {
        this.header = header;
        this.signingInput = signingInput;
        this.payload = payload;
        this.signature = signature;
    }

    /** Whether the value has the shape of a compact JWT, three parts separated by dots, rather than an API key. */
    static boolean looksLikeJwt(String value) {
        return value.chars().filter(c -> c == '.').count() == 2;
    }

    /**
     * Splits and decodes a compact JWT; the header must be a JSON object.
     *
     * @throws TokenRejectedException saying which part is malformed, never quoting the token
     */
    static JwtToken parse(String token) throws TokenRejectedException {
        if (token.length() > MAX_LENGTH) {
            throw TokenRejectedException.malformed("longer than " + MAX_LENGTH + " characters");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw TokenRejectedException.malformed(
                    "a JWT has three base64url parts separated by dots, this one has " + parts.length);
        }
        JsonNode header = jsonObject(decode(parts[0], "header"), "header");
        byte[] payload = decode(parts[1], "payload");
        byte[] signature = decode(parts[2], "signature");
        byte[] signingInput = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        return new JwtToken(header, signingInput, payload, signature);
    }

    /**
     * Parses decoded bytes as a JSON object.
     *
     * @throws TokenRejectedException naming the part when it is not a JSON object
     */
    static JsonNode jsonObject(byte[] json, String part) throws TokenRejectedException {
        try {
            JsonNode node = Json.mapper().readTree(json);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (IOException e) {
            // reported below without the parser's message, which may quote the part
        }
        throw TokenRejectedException.malformed("the " + part + " is not a JSON object");
    }

    private static byte[] decode(String part, String name) throws TokenRejectedException {
        try {
            return Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw TokenRejectedException.malformed("the " + name + " is not base64url (A-Z, a-z, 0-9, '-', '_')");
        }
    }

    /** The decoded header, a JSON object. */
    JsonNode header() {
        return header;
    }

    /** The ASCII bytes the signature covers: the encoded header, a dot and the encoded payload. */
    byte[] signingInput() {
        return signingInput;
    }

    /** The decoded payload, not yet parsed. */
    byte[] payload() {
        return payload;
    }

    /** The decoded signature. */
    byte[] signature() {
        return signature;
    }
}
