package io.realtimeagents.benchmarks.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outputs as they arrived, per path (a Kafka input partition, the handled MQTT inputs, the bridged MQTT inputs):
 * when each was observed and when its input was sent, in the order observed. From them, how long a path took after a
 * fault to deliver the output of an input sent after it. Thread-safe.
 */
final class Arrivals {
    private final Map<String, List<long[]>> byPath = new TreeMap<>();

    /** Records that an output of {@code path} whose input was sent at {@code sentAt} arrived at {@code observedAt}. */
    synchronized void add(String path, long observedAt, long sentAt) {
        byPath.computeIfAbsent(path, key -> new ArrayList<>()).add(new long[] {observedAt, sentAt});
    }

    /** The latest arrival time recorded, or 0. */
    synchronized long lastObserved() {
        return byPath.values().stream()
                .filter(list -> !list.isEmpty())
                .mapToLong(list -> list.getLast()[0])
                .max()
                .orElse(0);
    }

    /**
     * How long after {@code faultAt} every path delivered the output of an input sent at or after it: the slowest
     * path's time, naming it; {@code millis} is -1 when some path never did.
     *
     * @param millis the recovery time in milliseconds, or -1
     * @param path the slowest path
     */
    record Recovery(long millis, String path) {}

    /** The recovery after a fault at {@code faultAt} (epoch ms). */
    synchronized Recovery recoveryAfter(long faultAt) {
        Recovery slowest = new Recovery(0, "");
        for (Map.Entry<String, List<long[]>> path : byPath.entrySet()) {
            long first = -1;
            for (long[] arrival : path.getValue()) {
                if (arrival[1] >= faultAt && arrival[0] >= faultAt) {
                    first = arrival[0] - faultAt;
                    break;
                }
            }
            if (first < 0) {
                return new Recovery(-1, path.getKey());
            }
            if (first > slowest.millis() || slowest.path().isEmpty()) {
                slowest = new Recovery(first, path.getKey());
            }
        }
        return slowest;
    }
}
