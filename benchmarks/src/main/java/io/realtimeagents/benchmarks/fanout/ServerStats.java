package io.realtimeagents.benchmarks.fanout;

import io.netty.util.internal.PlatformDependent;
import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Memory of a server JVM, measured inside it: heap in use after a full collection, off-heap buffers (NIO direct
 * buffers, which Netty's pooled allocators draw their chunks from, plus the direct memory Netty allocates without a
 * cleaner when it may), and the resident set size, which also covers native memory neither of them counts.
 *
 * @param connections the clients the server says it holds; -1 when it cannot tell
 * @param heapBytes heap in use after {@link System#gc()}
 * @param offHeapBytes direct buffer memory in use
 * @param rssBytes resident set size ({@code VmRSS} of {@code /proc/self/status}); -1 where there is no such file
 */
record ServerStats(long connections, long heapBytes, long offHeapBytes, long rssBytes) {
    private static final int GC_ROUNDS = 2;

    /** Collects garbage, then measures. */
    static ServerStats measure(long connections) {
        for (int i = 0; i < GC_ROUNDS; i++) {
            System.gc();
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return new ServerStats(connections, heap, offHeap(), rss());
    }

    /** The fields as {@code key=value} words, the form {@link #parse} reads. */
    String fields() {
        return "connections=" + connections + " heap=" + heapBytes + " off_heap=" + offHeapBytes + " rss=" + rssBytes;
    }

    /** Stats from {@code key=value} fields written by {@link #fields}. */
    static ServerStats parse(Map<String, String> fields) {
        return new ServerStats(
                Long.parseLong(fields.get("connections")),
                Long.parseLong(fields.get("heap")),
                Long.parseLong(fields.get("off_heap")),
                Long.parseLong(fields.get("rss")));
    }

    private static long offHeap() {
        long nio = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(pool -> pool.getName().equals("direct"))
                .mapToLong(BufferPoolMXBean::getMemoryUsed)
                .sum();
        // Counted only when Netty allocates direct memory itself, without a cleaner; -1 otherwise.
        return nio + Math.max(0, PlatformDependent.usedDirectMemory());
    }

    private static long rss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
            return -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }
}
