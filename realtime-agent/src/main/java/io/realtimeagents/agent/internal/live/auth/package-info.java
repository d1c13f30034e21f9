/**
 * Access control for WebSocket and SSE connections, decided once at connect time: the allowed browser origins
 * ({@code LIVE_ALLOWED_ORIGINS}), HMAC-signed JWTs ({@code LIVE_AUTH_JWT_SECRET}) and static API keys
 * ({@code LIVE_AUTH_API_KEYS}), and the live topics a granted client may read. {@link
 * io.realtimeagents.agent.internal.live.auth.LiveAccess} is the entry point; denial reasons are safe to send to the
 * client and to log, as they never contain a token, a key or a secret.
 */
package io.realtimeagents.agent.internal.live.auth;
