package io.realtimeagents.agent.internal.live.auth;

import io.realtimeagents.common.internal.live.TopicPermissions;
import java.time.Instant;
import java.util.Objects;

/**
 * Whether a client may connect or call an endpoint, decided by {@link LiveAccess#check} and
 * {@link LiveAccess#authenticate}.
 */
public sealed interface AccessDecision permits AccessDecision.Granted, AccessDecision.Denied {

    /**
     * The client is known.
     *
     * @param subject who it is, for logs: the JWT's {@code sub}, {@code jwt}, {@code api-key-<n>} or
     *     {@code anonymous}; never a token or key
     * @param topics the live topics the client may read
     * @param tasks the task types the client may run
     * @param status whether the client may read the status endpoints when they are protected
     * @param expiresAt when the credential stops being accepted (its {@code exp} plus the clock skew), after which an
     *     open connection is closed; null when it does not expire
     */
    record Granted(String subject, TopicPermissions topics, TaskPermissions tasks, boolean status, Instant expiresAt)
            implements AccessDecision {
        /** Checks that the parts are present. */
        public Granted {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(topics, "topics");
            Objects.requireNonNull(tasks, "tasks");
        }
    }

    /**
     * The client is refused.
     *
     * @param status the HTTP status to answer with: 401 for missing, invalid or expired credentials, 403 for an origin
     *     that is not allowed or a permission the credentials lack
     * @param reason what is wrong and how to fix it, safe to send to the client: never a token, key or secret
     */
    record Denied(int status, String reason) implements AccessDecision {
        /** HTTP status of missing or invalid credentials. */
        public static final int UNAUTHORIZED = 401;

        /** HTTP status of a browser origin that is not allowed, or of a permission not granted. */
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
