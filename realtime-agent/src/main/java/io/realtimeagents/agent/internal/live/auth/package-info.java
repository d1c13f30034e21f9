/**
 * Access control for WebSocket and SSE connections and for the HTTP task and status endpoints: the allowed browser
 * origins ({@code LIVE_ALLOWED_ORIGINS}), JWTs verified with the JOSE library (HMAC with {@code LIVE_AUTH_JWT_SECRET},
 * RSA and EC keys of {@code LIVE_AUTH_JWKS_URL}), static API keys ({@code LIVE_AUTH_API_KEYS}), and what a granted
 * client may do: read live topics, run task types, read the status endpoints, until its token expires. {@link
 * io.realtimeagents.agent.internal.live.auth.LiveAccess} is the entry point; denial reasons are safe to send to the
 * client and to log, as they never contain a token, a key or a secret.
 */
package io.realtimeagents.agent.internal.live.auth;
