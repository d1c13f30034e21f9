package io.realtimeagents.agent.internal.live;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether the live feed reads, for health, readiness and metrics: up once it reads, down from a failure until a
 * restart reads again, with the error, since when and when the next restart comes; and how often it restarted. One per
 * agent, kept across feeds (a reconnect with new settings starts a new feed). Thread-safe.
 */
final class LiveFeedHealth {
    private final AtomicLong restarts = new AtomicLong();
    private volatile boolean up;
    private volatile Down down;

    private record Down(Instant since, String error, long restartAtMillis) {}

    /** The feed reads. */
    void reading() {
        up = true;
        down = null;
    }

    /** The feed failed (or failed to restart) and restarts after the delay. */
    void failed(Throwable error, long delayMillis) {
        Down before = down;
        up = false;
        down = new Down(
                before == null ? Instant.now() : before.since(),
                describe(error),
                System.currentTimeMillis() + delayMillis);
    }

    /** A restart after a failure begins. */
    void restarting() {
        restarts.incrementAndGet();
    }

    boolean up() {
        return up;
    }

    long restarts() {
        return restarts.get();
    }

    /** The named problem while the feed is down after a failure; empty otherwise (also while it first starts). */
    List<String> problems() {
        Down current = down;
        if (current == null) {
            return List.of();
        }
        long wait = current.restartAtMillis() - System.currentTimeMillis();
        return List.of("the live feed is down since " + current.since() + ": " + current.error()
                + (wait > 0 ? "; restarting in " + wait + " ms" : "; restarting"));
    }

    /** The {@code live_feed} object of {@code /health}. */
    Map<String, Object> health() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("up", up);
        body.put("restarts", restarts.get());
        Down current = down;
        if (current != null) {
            body.put("down_since", current.since().toString());
            body.put("problem", problems().getFirst());
        }
        return body;
    }

    /** The error and its cause in one line. */
    static String describe(Throwable error) {
        String message = error.getMessage();
        Throwable cause = error.getCause();
        if (cause != null && cause.getMessage() != null && !cause.getMessage().equals(message)) {
            message = message == null ? cause.getMessage() : message + ": " + cause.getMessage();
        }
        return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
