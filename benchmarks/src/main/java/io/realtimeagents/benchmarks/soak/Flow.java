package io.realtimeagents.benchmarks.soak;

/** An input path and the output each of its inputs must give. */
enum Flow {
    /** A Kafka input gives a record of {@link SoakTopics#OUTPUT}. */
    KAFKA_TO_OUTPUT("Kafka input -> record (sendKafkaMessage)", "k-", SoakTopics.OUTPUT),
    /** A Kafka input gives an event (emit). */
    KAFKA_TO_EVENT("Kafka input -> event (emit)", "k-", SoakTopics.EVENTS),
    /** A handled MQTT input gives a record of {@link SoakTopics#OUTPUT}. */
    MQTT_HANDLED("MQTT input -> handler -> record", "h-", SoakTopics.OUTPUT),
    /** A bridged MQTT input gives a record of {@link SoakTopics#BRIDGED}. */
    MQTT_BRIDGED("MQTT input -> bridge -> record", "b-", SoakTopics.BRIDGED);

    private final String label;
    private final String idPrefix;
    private final String outputTopic;

    Flow(String label, String idPrefix, String outputTopic) {
        this.label = label;
        this.idPrefix = idPrefix;
        this.outputTopic = outputTopic;
    }

    String label() {
        return label;
    }

    /** How the ids of its inputs start. */
    String idPrefix() {
        return idPrefix;
    }

    /** The topic its outputs go to. */
    String outputTopic() {
        return outputTopic;
    }

    /** The recovery path of an input id: the Kafka partition of a Kafka input, or the MQTT route. */
    static String path(String id) {
        if (id.startsWith("k-")) {
            return "kafka p" + Long.parseLong(id.substring(2)) % SoakTopics.PARTITIONS;
        }
        return id.startsWith("h-") ? "mqtt handled" : "mqtt bridged";
    }
}
