package io.realtimeagents.agent.internal.live.auth;

import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.common.live.TopicPermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides, when a WebSocket or SSE connection opens, whether the client may connect and which live topics it may
 * read. The browser origin is checked first ({@code LIVE_ALLOWED_ORIGINS}, 403 when refused). Access control is on
 * when {@code LIVE_AUTH_JWT_SECRET} or {@code LIVE_AUTH_API_KEYS} is set: the client must then present a JWT or an
 * API key (401 when missing or invalid). A value equal to a configured API key is granted that key's topics; any
 * other value shaped like a JWT is verified as one when a JWT secret is set, and the rest are unknown keys. With
 * neither setting, every client is granted every topic as {@code anonymous}.
 *
 * <p>Denial reasons say what is wrong and how to fix it, and never contain a token, a key or the secret.
 */
public final class LiveAccess {
    private static final AccessDecision.Granted ANONYMOUS =
            new AccessDecision.Granted("anonymous", TopicPermissions.all());

    private final OriginPolicy origins;
    private final JwtVerifier jwt;
    private final ApiKeys keys;

    private LiveAccess(OriginPolicy origins, JwtVerifier jwt, ApiKeys keys) {
        this.origins = origins;
        this.jwt = jwt;
        this.keys = keys;
    }

    /**
     * Access control as configured by {@code LIVE_AUTH_JWT_SECRET}, {@code LIVE_AUTH_JWT_ISSUER},
     * {@code LIVE_AUTH_JWT_AUDIENCE}, {@code LIVE_AUTH_API_KEYS} and {@code LIVE_ALLOWED_ORIGINS}.
     *
     * @throws IllegalArgumentException when an API key entry is invalid, naming the entry by position, never the key
     */
    public static LiveAccess from(AgentConfig config) {
        Objects.requireNonNull(config, "config");
        String secret = config.get(AgentSettings.LIVE_AUTH_JWT_SECRET);
        JwtVerifier jwt = secret == null
                ? null
                : new JwtVerifier(
                        secret,
                        config.get(AgentSettings.LIVE_AUTH_JWT_ISSUER),
                        config.get(AgentSettings.LIVE_AUTH_JWT_AUDIENCE));
        return new LiveAccess(
                new OriginPolicy(config.get(AgentSettings.LIVE_ALLOWED_ORIGINS)),
                jwt,
                ApiKeys.parse(config.get(AgentSettings.LIVE_AUTH_API_KEYS)));
    }

    /** Whether clients must present a token or key. */
    public boolean enabled() {
        return jwt != null || !keys.isEmpty();
    }

    /**
     * One line for the start-up log, never containing a secret, e.g. {@code JWT (HS256/384/512, issuer
     * https://auth.example) or one of 2 API keys required; origins: https://a.example, https://b.example}.
     */
    public String describe() {
        String origin = "; origins: " + origins.describe();
        if (!enabled()) {
            return "open: no LIVE_AUTH_JWT_SECRET or LIVE_AUTH_API_KEYS set, any client may connect and read every"
                    + " topic" + origin;
        }
        List<String> accepted = new ArrayList<>();
        if (jwt != null) {
            accepted.add("JWT (" + jwt.describe() + ")");
        }
        if (!keys.isEmpty()) {
            accepted.add(keys.size() == 1 ? "the API key" : "one of " + keys.size() + " API keys");
        }
        return String.join(" or ", accepted) + " required" + origin;
    }

    /**
     * Decides whether a connection may open.
     *
     * @param origin the Origin header, or null (clients that are not browsers send none)
     * @param authorization the Authorization header ({@code Bearer <token>}, a JWT or an API key), or null
     * @param queryToken the {@code access_token} query parameter, or null: browsers cannot set headers on a
     *     WebSocket or an EventSource
     * @param now the current time, against which {@code exp} and {@code nbf} are checked
     * @return granted with the subject and its topics, or denied with 403 (origin) or 401 (credentials)
     */
    public AccessDecision check(String origin, String authorization, String queryToken, Instant now) {
        Objects.requireNonNull(now, "now");
        String originProblem = origins.problem(origin);
        if (originProblem != null) {
            return AccessDecision.Denied.forbidden(originProblem);
        }
        if (!enabled()) {
            return ANONYMOUS;
        }
        try {
            return authenticate(Credentials.token(authorization, queryToken), now);
        } catch (TokenRejectedException e) {
            return AccessDecision.Denied.unauthorized(e.getMessage());
        }
    }

    private AccessDecision authenticate(String token, Instant now) {
        if (!keys.isEmpty()) {
            Optional<AccessDecision.Granted> key = keys.match(token);
            if (key.isPresent()) {
                return key.get();
            }
        }
        if (jwt != null && (keys.isEmpty() || JwtToken.looksLikeJwt(token))) {
            return jwt.verify(token, now);
        }
        return AccessDecision.Denied.unauthorized(
                jwt == null
                        ? "unknown API key: present one of the keys in LIVE_AUTH_API_KEYS"
                        : "unknown API key, and not a JWT (three base64url parts separated by dots): present a key from"
                                + " LIVE_AUTH_API_KEYS or a JWT signed with LIVE_AUTH_JWT_SECRET");
    }
}
