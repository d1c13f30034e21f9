package io.realtimeagents.benchmarks.soak;

/** The faults the soak injects, in the round-robin order of its schedule. */
enum FaultKind {
    /** SIGKILL of one agent replica's JVM, then a new JVM for it (same MQTT client id, same consumer group). */
    REPLICA_KILL("replica SIGKILL + restart"),
    /** The Kafka broker stopped cleanly and started again on the same data directory and ports. */
    KAFKA_RESTART("Kafka broker restart"),
    /** The MQTT broker stopped and started again on the same data folder and port. */
    MQTT_RESTART("MQTT broker restart"),
    /** One Kafka handler call of one replica blocks longer than {@code max.poll.interval.ms}. */
    SLOW_HANDLER("slow handler > max.poll.interval.ms");

    private final String label;

    FaultKind(String label) {
        this.label = label;
    }

    /** What it is, for the report. */
    String label() {
        return label;
    }

    /** Whether it targets one of the replicas. */
    boolean targetsReplica() {
        return this == REPLICA_KILL || this == SLOW_HANDLER;
    }
}
