package io.realtimeagents.common.internal.live;

import io.realtimeagents.common.live.LiveTopics;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The live topics a client may read: exact names, prefixes ending in {@code *} (e.g. {@code patient.p-17.*}) or
 * {@code *} for all. Checked when a client subscribes and when a message is delivered on a multiplexed stream.
 */
public final class TopicPermissions {
    private static final TopicPermissions ALL = new TopicPermissions(true, Set.of(), List.of());
    private static final TopicPermissions NONE = new TopicPermissions(false, Set.of(), List.of());

    private final boolean all;
    private final Set<String> exact;
    private final List<String> prefixes;

    private TopicPermissions(boolean all, Set<String> exact, List<String> prefixes) {
        this.all = all;
        this.exact = exact;
        this.prefixes = prefixes;
    }

    /** Every topic: what clients get when access control is off. */
    public static TopicPermissions all() {
        return ALL;
    }

    /** No topic. */
    public static TopicPermissions none() {
        return NONE;
    }

    /**
     * Permissions from patterns: exact topic names, prefixes ending in {@code *}, or {@code *}.
     *
     * @throws IllegalArgumentException naming the first invalid pattern
     */
    public static TopicPermissions of(Collection<String> patterns) {
        Set<String> exact = new HashSet<>();
        List<String> prefixes = new ArrayList<>();
        for (String raw : patterns) {
            String pattern = raw.trim();
            if (pattern.equals("*")) {
                return ALL;
            }
            if (pattern.endsWith("*")) {
                String prefix = pattern.substring(0, pattern.length() - 1);
                if (!prefix.isEmpty() && !LiveTopics.isValid(prefix)) {
                    throw new IllegalArgumentException("Invalid topic pattern '" + pattern
                            + "': a prefix of letters, digits, '.', '_', ':' or '-' followed by *");
                }
                prefixes.add(prefix);
            } else {
                exact.add(LiveTopics.check(pattern));
            }
        }
        return exact.isEmpty() && prefixes.isEmpty()
                ? NONE
                : new TopicPermissions(false, Set.copyOf(exact), List.copyOf(prefixes));
    }

    /** Whether the topic may be read. */
    public boolean allows(String topic) {
        if (all || exact.contains(topic)) {
            return true;
        }
        for (String prefix : prefixes) {
            if (topic.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Whether every topic may be read. */
    public boolean allowsAll() {
        return all;
    }

    @Override
    public String toString() {
        if (all) {
            return "*";
        }
        List<String> patterns = new ArrayList<>(exact);
        prefixes.forEach(prefix -> patterns.add(prefix + "*"));
        patterns.sort(null);
        return String.join("|", patterns);
    }
}
