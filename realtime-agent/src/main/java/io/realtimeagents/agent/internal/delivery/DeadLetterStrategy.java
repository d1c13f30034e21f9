package io.realtimeagents.agent.internal.delivery;

import io.realtimeagents.agent.internal.delivery.DeadLetterPublisher.DeadLetter;

/** {@code dead-letter}, the default: the message goes to its dead-letter topic, then it is committed. */
final class DeadLetterStrategy implements FailureStrategy {
    private final DeadLetterPublisher deadLetters;

    DeadLetterStrategy(DeadLetterPublisher deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    public boolean failed(DeadLetter failure, StopSignal stop) {
        return deadLetters.publish(failure, stop);
    }
}
