package io.realtimeagents.secrets.internal;

/** How stored values are read, the same for every source. */
final class SecretValues {
    private SecretValues() {}

    /**
     * The value without trailing line breaks (as {@code echo} or an editor leaves them in files that become secrets).
     * Other whitespace is kept: it may be part of a password.
     */
    static String clean(String value) {
        int end = value.length();
        while (end > 0 && (value.charAt(end - 1) == '\n' || value.charAt(end - 1) == '\r')) {
            end--;
        }
        return value.substring(0, end);
    }
}
