package io.realtimeagents.benchmarks.soak;

/**
 * A fault as it was injected.
 *
 * @param kind what it was
 * @param replica the replica it targeted, from 0; -1 for a broker fault
 * @param at when it was injected (epoch ms): the SIGKILL, the start of the broker's stop, the slow flag written
 * @param tookMillis how long injecting it took (a restart's stop and start; a killed replica's new JVM)
 */
record InjectedFault(FaultKind kind, int replica, long at, long tookMillis) {
    /**
     * When its recovery starts to count (epoch ms): a broker restart's when the broker is back, since nothing can
     * flow through a stopped broker; a replica kill's or slow handler's at once, since the other replica and the other
     * partitions should carry on.
     */
    long recoveryFrom() {
        return kind == FaultKind.KAFKA_RESTART || kind == FaultKind.MQTT_RESTART ? at + tookMillis : at;
    }

    /** The kind, and the replica it targeted, for the report. */
    String describe() {
        return kind.label() + (replica >= 0 ? " (replica " + replica + ")" : "");
    }
}
