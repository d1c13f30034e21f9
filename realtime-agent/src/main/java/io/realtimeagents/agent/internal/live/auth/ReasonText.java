package io.realtimeagents.agent.internal.live.auth;

/**
 * Renders client-supplied values (an Origin header, a claim) for denial reasons: control characters replaced and
 * long values cut, so a reason stays one short line in a response and a log. Never given a token, key or secret.
 */
final class ReasonText {
    private static final int MAX_LENGTH = 64;

    private ReasonText() {}

    /** The value, one line of at most {@value #MAX_LENGTH} characters plus an ellipsis. */
    static String shown(String value) {
        StringBuilder shown = new StringBuilder(Math.min(value.length(), MAX_LENGTH + 3));
        for (int i = 0; i < value.length() && i < MAX_LENGTH; i++) {
            char c = value.charAt(i);
            shown.append(Character.isISOControl(c) ? '?' : c);
        }
        if (value.length() > MAX_LENGTH) {
            shown.append("...");
        }
        return shown.toString();
    }
}
