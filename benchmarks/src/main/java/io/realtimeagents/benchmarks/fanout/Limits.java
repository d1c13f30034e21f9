package io.realtimeagents.benchmarks.fanout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What caps the number of clients on one machine, read from Linux: the open-file limit of a process (every
 * connection is a file descriptor, in the server and in the load generator) and the ephemeral port range (one
 * loopback source address can open one connection per port to a given server port).
 */
final class Limits {
    /** File descriptors a JVM needs besides connections: jars, pipes, selectors, the JIT's files. */
    static final int RESERVED_FILES = 1_000;

    private static final int DEFAULT_PORTS = 60_999 - 32_768 + 1;

    private Limits() {}

    /** The open-file limit of this process (the JVM raises its soft limit to the hard one); -1 when unknown. */
    static long openFiles() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    String soft =
                            line.substring("Max open files".length()).trim().split("\\s+")[0];
                    return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // unknown
        }
        return -1;
    }

    /** Ports in {@code net.ipv4.ip_local_port_range}: connections one source address can open to one server port. */
    static int ephemeralPorts() {
        try {
            String[] range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
                    .trim()
                    .split("\\s+");
            return Integer.parseInt(range[1]) - Integer.parseInt(range[0]) + 1;
        } catch (IOException | RuntimeException e) {
            return DEFAULT_PORTS;
        }
    }

    /** Clients one JVM can hold: the open-file limit less what the JVM needs itself. */
    static long clientsPerJvm() {
        long files = openFiles();
        return files < 0 ? 10_000 : Math.max(1, files - RESERVED_FILES);
    }

    /** Source addresses for {@code clients}: at most half the port range each, leaving ports for lingering ones. */
    static int sourceAddresses(long clients) {
        long perAddress = Math.max(1, ephemeralPorts() / 2);
        return (int) Math.max(1, (clients + perAddress - 1) / perAddress);
    }

    /** Load-generator JVMs for {@code clients}, each within the open-file limit. */
    static int generators(long clients) {
        long perJvm = clientsPerJvm();
        return (int) Math.max(1, (clients + perJvm - 1) / perJvm);
    }

    /** How to run more clients than the defaults allow, with this machine's figures. */
    static String howToRaise() {
        long files = openFiles();
        return String.format(
                Locale.ROOT,
                "To raise the number of clients: every connection is a file descriptor in the server JVM and in a"
                        + " load-generator JVM, and a process may open %s here (hard limit), so one server holds at"
                        + " most ~%,d clients: raise the hard limit (ulimit -Hn as root, /etc/security/limits.conf,"
                        + " systemd LimitNOFILE; the JVM lifts its soft limit to it) and spread clients over"
                        + " --generators=G load-generator JVMs; each loopback source address opens at most %,d"
                        + " connections to one server port (net.ipv4.ip_local_port_range), so add"
                        + " --source-addresses=K (127.0.0.1..127.0.0.K, all loopback on Linux).",
                files < 0 ? "an unknown number of files" : String.format(Locale.ROOT, "%,d files", files),
                clientsPerJvm(),
                ephemeralPorts());
    }
}
