package io.realtimeagents.testkit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Who may connect to the test kit's embedded MQTT broker, and who did: by default anyone; {@link #require} makes it
 * accept only the given user names and passwords (others are refused as not authorized), e.g. to test credential
 * rotation. Restore open access with {@link #allowAnyone()} when the test ends.
 */
public final class MqttLogins {
    private volatile Map<String, String> users;
    private final List<Login> seen = new CopyOnWriteArrayList<>();

    /**
     * One connection attempt the broker saw.
     *
     * @param clientId the client id
     * @param userName the user name, null when none was sent
     * @param accepted whether the broker let it in
     */
    public record Login(String clientId, String userName, boolean accepted) {}

    /** Accepts only these user names with their passwords from now on; connected clients stay connected. */
    public void require(Map<String, String> userPasswords) {
        users = Map.copyOf(userPasswords);
    }

    /** Accepts any client again, with or without credentials. */
    public void allowAnyone() {
        users = null;
    }

    /** The connection attempts seen so far, oldest first. */
    public List<Login> seen() {
        return List.copyOf(seen);
    }

    /** Whether a client may connect; records the attempt. */
    public boolean check(String clientId, String userName, byte[] password) {
        Map<String, String> required = users;
        boolean accepted = required == null || matches(required.get(userName), password);
        seen.add(new Login(clientId, userName, accepted));
        return accepted;
    }

    private static boolean matches(String expected, byte[] password) {
        return expected != null
                && password != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), password);
    }
}
