package io.realtimeagents.agent.internal.live.auth;

/**
 * Finds the token a client presents: {@code Authorization: Bearer <token>}, or the {@code access_token} query
 * parameter, which browsers use as they cannot set headers on a WebSocket or an EventSource. The header wins when
 * both are sent.
 */
final class Credentials {
    private static final String BEARER = "Bearer ";

    private Credentials() {}

    /**
     * The token presented.
     *
     * @param authorization the Authorization header, or null
     * @param queryToken the access_token query parameter, or null
     * @throws TokenRejectedException when there is none, or the header is not a Bearer token
     */
    static String token(String authorization, String queryToken) throws TokenRejectedException {
        if (authorization != null && !authorization.isBlank()) {
            return bearer(authorization.trim());
        }
        if (queryToken != null && !queryToken.isBlank()) {
            return queryToken.trim();
        }
        throw new TokenRejectedException("no token: send Authorization: Bearer <token> or ?access_token=<token>");
    }

    private static String bearer(String authorization) throws TokenRejectedException {
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            if (authorization.equalsIgnoreCase(BEARER.trim())) {
                throw new TokenRejectedException("no token after Bearer: send Authorization: Bearer <token>");
            }
            throw new TokenRejectedException(
                    "the Authorization header is not a Bearer token: send Authorization: Bearer <token>");
        }
        String token = authorization.substring(BEARER.length()).trim();
        if (token.isEmpty()) {
            throw new TokenRejectedException("no token after Bearer: send Authorization: Bearer <token>");
        }
        return token;
    }
}
