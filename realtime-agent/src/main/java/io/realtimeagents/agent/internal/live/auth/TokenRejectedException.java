package io.realtimeagents.agent.internal.live.auth;

/**
 * A token that cannot be accepted, with the reason sent to the client. Thrown and caught within this package, turned
 * into a 401 {@link AccessDecision.Denied}; it carries no stack trace, as it is an answer and not a fault.
 */
final class TokenRejectedException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * A rejection with its reason.
     *
     * @param reason what is wrong and how to fix it; never the token, a key or the secret
     */
    TokenRejectedException(String reason) {
        super(reason, null, false, false);
    }

    /** A reason starting {@code malformed token: }. */
    static TokenRejectedException malformed(String detail) {
        return new TokenRejectedException("malformed token: " + detail);
    }
}
