package io.realtimeagents.agent.support;

import io.realtimeagents.agent.RealtimeAgent;
import io.realtimeagents.agent.RealtimeAgents;
import io.realtimeagents.common.model.EventType;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * For each {@code {"id": 17}} message, emits a {@code data_processed} event naming the id and sends a large record
 * keyed by the id to an output topic, without waiting for either: the delivery contract makes them part of the
 * handling. Run as the main class of its own JVM with the agent's configuration as {@code --property=value} plus
 * {@code --forward-to=<topic>}, {@code --output-bytes=<n>} and {@code --work-ms=<milliseconds>}.
 */
public final class OutputtingAgent extends RealtimeAgent {
    /** The message type this agent handles. */
    public static final String MESSAGE_TYPE = "item";

    private final String outputTopic;
    private final String padding;
    private final Duration work;

    /**
     * @param outputTopic where each id's record goes
     * @param outputBytes the size of each output record's padding
     * @param work how long handling one message takes besides its outputs
     */
    public OutputtingAgent(String outputTopic, int outputBytes, Duration work) {
        this.outputTopic = outputTopic;
        this.padding = "x".repeat(outputBytes);
        this.work = work;
    }

    @Override
    protected void initialize() {
        onMessage(MESSAGE_TYPE, ForwardingAgent.Item.class, (item, context) -> {
            if (!work.isZero()) {
                LockSupport.parkNanos(work.toNanos());
            }
            String id = Integer.toString(item.id());
            emit(EventType.DATA_PROCESSED, Map.of("id", item.id()));
            sendKafkaMessage(outputTopic, id, id + ":" + padding);
        });
    }

    /** Starts the agent and serves until the process is stopped. */
    public static void main(String[] args) {
        String output = argument(args, "forward-to");
        int bytes = Integer.parseInt(argument(args, "output-bytes"));
        Duration work = Duration.ofMillis(Long.parseLong(argument(args, "work-ms")));
        RealtimeAgents.app(() -> new OutputtingAgent(output, bytes, work))
                .args(args)
                .runUntilStopped();
    }

    private static String argument(String[] args, String name) {
        for (String arg : args) {
            if (arg.startsWith("--" + name + "=")) {
                return arg.substring(name.length() + 3);
            }
        }
        throw new IllegalArgumentException("Missing argument --" + name + "=...");
    }
}
