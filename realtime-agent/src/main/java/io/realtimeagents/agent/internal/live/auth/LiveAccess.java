package io.realtimeagents.agent.internal.live.auth;

import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.common.internal.live.TopicPermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a client may connect (WebSocket, SSE) or call an endpoint (tasks, and the status endpoints when
 * {@code STATUS_ENDPOINTS_PROTECTED} is on), and what it may do: the live topics it may read, the task types it may
 * run, whether it may read the status endpoints, and until when. For live connections the browser origin is checked
 * first ({@code LIVE_ALLOWED_ORIGINS}, 403 when refused). Access control is on when {@code LIVE_AUTH_JWT_SECRET},
 * {@code LIVE_AUTH_JWKS_URL} or {@code LIVE_AUTH_API_KEYS} is set: the client must then present a JWT or an API key
 * (401 when missing, invalid or expired). A value equal to a configured API key is granted that key's permissions; any
 * other value shaped like a JWT is verified as one when JWTs are configured, and the rest are unknown keys. With none
 * of these settings, every client is granted everything as {@code anonymous}.
 *
 * <p>Denial reasons say what is wrong and how to fix it, and never contain a token, a key or the secret.
 */
public final class LiveAccess {
    private static final AccessDecision.Granted ANONYMOUS =
            new AccessDecision.Granted("anonymous", TopicPermissions.all(), TaskPermissions.all(), true, null);

    private final OriginPolicy origins;
    private final JwtVerifier jwt;
    private final ApiKeys keys;
    private final boolean statusProtected;

    private LiveAccess(OriginPolicy origins, JwtVerifier jwt, ApiKeys keys, boolean statusProtected) {
        this.origins = origins;
        this.jwt = jwt;
        this.keys = keys;
        this.statusProtected = statusProtected;
    }

    /**
     * Access control as configured by {@code LIVE_AUTH_JWT_SECRET}, {@code LIVE_AUTH_JWKS_URL},
     * {@code LIVE_AUTH_JWT_ISSUER}, {@code LIVE_AUTH_JWT_AUDIENCE}, {@code LIVE_AUTH_CLOCK_SKEW},
     * {@code LIVE_AUTH_API_KEYS}, {@code LIVE_ALLOWED_ORIGINS} and {@code STATUS_ENDPOINTS_PROTECTED}.
     *
     * @throws IllegalArgumentException when an API key entry is invalid, naming the entry by position, never the key
     */
    public static LiveAccess from(AgentConfig config) {
        Objects.requireNonNull(config, "config");
        String secret = config.get(AgentSettings.LIVE_AUTH_JWT_SECRET);
        String jwksUrl = config.get(AgentSettings.LIVE_AUTH_JWKS_URL);
        JwtVerifier jwt = secret == null && jwksUrl == null
                ? null
                : new JwtVerifier(
                        secret,
                        jwksUrl == null ? null : new JwksKeys(jwksUrl, JwksKeys.MIN_REFRESH),
                        new JwtVerifier.Checks(
                                config.get(AgentSettings.LIVE_AUTH_JWT_ISSUER),
                                config.get(AgentSettings.LIVE_AUTH_JWT_AUDIENCE),
                                config.get(AgentSettings.LIVE_AUTH_CLOCK_SKEW)));
        return new LiveAccess(
                new OriginPolicy(config.get(AgentSettings.LIVE_ALLOWED_ORIGINS)),
                jwt,
                ApiKeys.parse(config.get(AgentSettings.LIVE_AUTH_API_KEYS)),
                config.get(AgentSettings.STATUS_ENDPOINTS_PROTECTED));
    }

    /** Whether clients must present a token or key. */
    public boolean enabled() {
        return jwt != null || !keys.isEmpty();
    }

    /** Whether {@code /metrics}, {@code /realtime/status} and {@code /realtime/connections} need the status scope. */
    public boolean statusProtected() {
        return statusProtected && enabled();
    }

    /** Starts fetching the keys of {@code LIVE_AUTH_JWKS_URL} in the background, when it is set. */
    public void prefetchKeys() {
        if (jwt != null) {
            jwt.prefetch();
        }
    }

    /** Stops the background refresh of the keys of {@code LIVE_AUTH_JWKS_URL}. */
    public void close() {
        if (jwt != null) {
            jwt.close();
        }
    }

    /**
     * One line for the start-up log, never containing a secret, e.g. {@code JWT (HS256/384/512, issuer
     * https://auth.example) or one of 2 API keys required; origins: https://a.example, https://b.example}.
     */
    public String describe() {
        String origin = "; origins: " + origins.describe() + (statusProtected() ? "; status endpoints protected" : "");
        if (!enabled()) {
            return "open: no LIVE_AUTH_JWT_SECRET, LIVE_AUTH_JWKS_URL or LIVE_AUTH_API_KEYS set, any client may"
                    + " connect, read every topic and run every task" + origin;
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
     * Decides whether a live connection may open: its origin, then its credentials.
     *
     * @param origin the Origin header, or null (clients that are not browsers send none)
     * @param authorization the Authorization header ({@code Bearer <token>}, a JWT or an API key), or null
     * @param queryToken the {@code access_token} query parameter, or null: browsers cannot set headers on a
     *     WebSocket or an EventSource
     * @param now the current time, against which {@code exp} and {@code nbf} are checked
     * @return granted with the subject and its permissions, or denied with 403 (origin) or 401 (credentials)
     */
    public AccessDecision check(String origin, String authorization, String queryToken, Instant now) {
        Objects.requireNonNull(now, "now");
        String originProblem = origins.problem(origin);
        if (originProblem != null) {
            return AccessDecision.Denied.forbidden(originProblem);
        }
        return authenticate(authorization, queryToken, now);
    }

    /**
     * Checks the credentials of a request to an HTTP endpoint (no origin check: browsers' cross-origin requests
     * are governed by CORS, and the credential is what counts).
     *
     * @return granted with the subject and its permissions, everything when access control is off, or denied with
     *     401
     */
    public AccessDecision authenticate(String authorization, String queryToken, Instant now) {
        Objects.requireNonNull(now, "now");
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
        if (jwt != null && (keys.isEmpty() || looksLikeJwt(token))) {
            return jwt.verify(token, now);
        }
        return AccessDecision.Denied.unauthorized(
                jwt == null
                        ? "unknown API key: present one of the keys in LIVE_AUTH_API_KEYS"
                        : "unknown API key, and not a JWT (three base64url parts separated by dots): present a key from"
                                + " LIVE_AUTH_API_KEYS or a JWT signed with " + jwt.signedWith());
    }

    /** Whether the value has the shape of a compact JWT, three parts separated by dots, rather than an API key. */
    private static boolean looksLikeJwt(String value) {
        return value.chars().filter(c -> c == '.').count() == 2;
    }
}
