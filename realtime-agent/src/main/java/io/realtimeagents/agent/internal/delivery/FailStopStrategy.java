package io.realtimeagents.agent.internal.delivery;

import io.realtimeagents.agent.internal.delivery.DeadLetterPublisher.DeadLetter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code fail-stop}: the agent stops consuming and turns unhealthy; the message is neither committed nor
 * acknowledged, so it is delivered again once the agent was restarted.
 */
final class FailStopStrategy implements FailureStrategy {
    private static final Logger LOG = LoggerFactory.getLogger(FailStopStrategy.class);

    private final FailStop failStop;

    FailStopStrategy(FailStop failStop) {
        this.failStop = failStop;
    }

    @Override
    public boolean failed(DeadLetter failure, StopSignal stop) {
        FailStopException stopped = new FailStopException(failure.source().describe(), failure.reason());
        LOG.error(
                "{}; the agent stops consuming, uncommitted, and reports unhealthy until restarted",
                stopped.getMessage(),
                failure.error());
        failStop.stop(stopped);
        stop.stop();
        return false;
    }
}
