package io.realtimeagents.benchmarks.soak;

/** The soak's Kafka topics and MQTT topics. */
final class SoakTopics {
    /** Kafka inputs, one record per input, keyed by id. */
    static final String INPUT = "soak.in";
    /** Outputs of the Kafka and MQTT handlers, keyed by the input's id. */
    static final String OUTPUT = "soak.out";
    /** MQTT inputs bridged to Kafka, keyed by the input's id. */
    static final String BRIDGED = "soak.bridged";
    /** The agents' events topic. */
    static final String EVENTS = "soak.events";
    /** Partitions of each Kafka topic of the soak. */
    static final int PARTITIONS = 4;
    /** MQTT topics of the handled inputs: {@code soak/handled/<n>}. */
    static final String HANDLED_PREFIX = "soak/handled/";
    /** MQTT topics of the bridged inputs: {@code soak/bridged/<id>}. */
    static final String BRIDGED_PREFIX = "soak/bridged/";
    /** How many MQTT topics the handled inputs spread over. */
    static final int HANDLED_TOPICS = 8;

    private SoakTopics() {}
}
