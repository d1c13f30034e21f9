package io.realtimeagents.agent.internal.live.auth;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The task types a client may run over {@code POST} task endpoints and WebSocket {@code agent_request}: named types,
 * or {@code *} for all. From a JWT's {@code tasks} claim or an API key's {@code ;tasks=} option; a credential without
 * either may run none.
 */
public final class TaskPermissions {
    private static final Pattern TASK_TYPE = Pattern.compile("[A-Za-z0-9._:-]{1,200}");
    private static final TaskPermissions ALL = new TaskPermissions(true, Set.of());
    private static final TaskPermissions NONE = new TaskPermissions(false, Set.of());

    private final boolean all;
    private final Set<String> types;

    private TaskPermissions(boolean all, Set<String> types) {
        this.all = all;
        this.types = types;
    }

    /** Every task type: what clients get when access control is off. */
    public static TaskPermissions all() {
        return ALL;
    }

    /** No task type. */
    public static TaskPermissions none() {
        return NONE;
    }

    /**
     * Permissions from task types, or {@code *} for all; blank entries are skipped.
     *
     * @throws IllegalArgumentException naming the first entry that is not a task type
     */
    public static TaskPermissions of(Collection<String> entries) {
        Set<String> types = new HashSet<>();
        for (String raw : entries) {
            String type = raw.trim();
            if (type.equals("*")) {
                return ALL;
            }
            if (type.isEmpty()) {
                continue;
            }
            if (!TASK_TYPE.matcher(type).matches()) {
                throw new IllegalArgumentException("'" + ReasonText.shown(type)
                        + "' is not a task type: use letters, digits, '.', '_', ':', '-', or * for all");
            }
            types.add(type);
        }
        return types.isEmpty() ? NONE : new TaskPermissions(false, Set.copyOf(types));
    }

    /** Whether tasks of the type may be run. */
    public boolean allows(String taskType) {
        return all || types.contains(taskType);
    }

    @Override
    public String toString() {
        return all ? "*" : String.join("|", new TreeSet<>(types));
    }
}
