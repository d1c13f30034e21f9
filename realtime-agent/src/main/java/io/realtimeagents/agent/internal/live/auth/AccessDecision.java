package io.realtimeagents.agent.internal.live.auth;

import io.realtimeagents.common.live.TopicPermissions;
import java.util.Objects;

/** Whether a client may open a WebSocket or SSE connection, decided by {@link LiveAccess#check}. */
public sealed interface AccessDecision permits AccessDecision.Granted, AccessDecision.Denied {

    /**
     * The connection may open.
     *
     * @param subject who connected, for logs: the JWT's {@code sub}, {@code jwt}, {@code api-key-<n>} or
     *     {@code anonymous}; never a token or key
     * @param topics the live topics the client may read
     */
    record Granted(String subject, TopicPermissions topics) implements AccessDecision {
        /** Checks that both parts are present. */
        public Granted {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(topics, "topics");
        }
    }

    /**
     * The connection is refused.
     *
     * @param status the HTTP status to answer with: 401 for missing or invalid credentials, 403 for an origin that
     *     is not allowed
     * @param reason what is wrong and how to fix it, safe to send to the client: never a token, key or secret
     */
    record Denied(int status, String reason) implements AccessDecision {
        /** HTTP status of missing or invalid credentials. */
        public static final int UNAUTHORIZED = 401;

        /** HTTP status of a browser origin that is not allowed. */
        public static final int FORBIDDEN = 403;

        /** Checks that the reason is present. */
        public Denied {
            Objects.requireNonNull(reason, "reason");
        }

        static Denied unauthorized(String reason) {
            return new Denied(UNAUTHORIZED, reason);
        }

        static Denied forbidden(String reason) {
            return new Denied(FORBIDDEN, reason);
        }
    }
}
