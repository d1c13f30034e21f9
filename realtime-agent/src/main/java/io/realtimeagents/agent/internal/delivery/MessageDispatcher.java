package io.realtimeagents.agent.internal.delivery;

import io.realtimeagents.agent.DeadLetterHeaders;
import io.realtimeagents.agent.internal.delivery.DeadLetterPublisher.DeadLetter;
import io.realtimeagents.agent.internal.metrics.AgentMetrics;
import io.realtimeagents.agent.internal.metrics.AgentMetrics.MessageMeters;
import io.realtimeagents.common.InvalidMessageException;
import io.realtimeagents.common.PayloadDecodingException;
import io.realtimeagents.common.config.UnhandledMessagePolicy;
import io.realtimeagents.common.handler.MessageContext;
import io.realtimeagents.common.handler.RetryPolicy;
import io.realtimeagents.common.internal.handler.DecodedMessage;
import io.realtimeagents.common.internal.handler.HandlerRegistry;
import io.realtimeagents.common.internal.handler.MessageDecoder;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one message of any transport through decoding, its handler (whose outputs belong to the handling), retries
 * with backoff and, when everything failed, the {@link FailureStrategy} (by default the dead-letter topic).
 * Thread-safe: the workers of a transport share one dispatcher.
 */
public final class MessageDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(MessageDispatcher.class);

    private final HandlerRegistry registry;
    private final MessageDecoder decoder;
    private final RetryPolicy retryPolicy;
    private final UnhandledMessagePolicy unhandledPolicy;
    private final DeadLetterPublisher deadLetters;
    private final FailureStrategy failureStrategy;
    private final AgentMetrics metrics;

    /** Creates a dispatcher; the arguments are shared, thread-safe collaborators. */
    public MessageDispatcher(Collaborators collaborators) {
        this.registry = collaborators.registry();
        this.decoder = collaborators.decoder();
        this.retryPolicy = collaborators.retryPolicy();
        this.unhandledPolicy = collaborators.unhandledPolicy();
        this.deadLetters = collaborators.deadLetters();
        this.failureStrategy = collaborators.failureStrategy();
        this.metrics = collaborators.metrics();
    }

    /**
     * Decodes a message and runs its handler.
     *
     * @return finished when done with the message (handled, skipped, or settled by the failure strategy), with the
     *     handler's outputs that may still be on their way; stopped when stopped first (or by the fail-stop
     *     strategy), so the message must be delivered again
     */
    public Outcome dispatch(InboundMessage message, Contexts contexts, StopSignal stop) {
        return dispatch(message, contexts, stop, 1);
    }

    /**
     * Decodes a message and runs its handler, starting with the given attempt: more than 1 when the outputs of an
     * earlier attempt failed after it returned.
     */
    public Outcome dispatch(InboundMessage message, Contexts contexts, StopSignal stop, int firstAttempt) {
        DecodedMessage decoded;
        try {
            decoded = decoder.decode(message.topic(), message.value(), message::header);
        } catch (PayloadDecodingException e) {
            LOG.warn("Undecodable {}: {}", message.describe(), e.getMessage());
            return Outcome.of(fail(message, null, DeadLetterHeaders.REASON_DECODE, e, 0, stop));
        }
        if (!decoded.hasHandler()) {
            if (unhandledPolicy == UnhandledMessagePolicy.IGNORE) {
                return Outcome.DONE;
            }
            String reason = "No handler is registered for message type '" + decoded.messageType()
                    + "' (registered: " + registry.messageTypes() + "); set HANDLER_UNHANDLED=ignore to skip such"
                    + " messages";
            LOG.warn("Dead-lettering {}: {}", message.describe(), reason);
            return Outcome.of(deadLetter(
                    message,
                    decoded.messageType(),
                    DeadLetterHeaders.REASON_UNHANDLED,
                    new IllegalStateException(reason),
                    0,
                    stop));
        }
        MessageMeters meters = metrics.forMessages(message.transport(), message.metricsTopic(), decoded.messageType());
        return runWithRetries(message, decoded.messageType(), meters, decoded::invoke, contexts, stop, firstAttempt);
    }

    /**
     * Writes a message to its dead-letter topic whatever the failure strategy: for messages that are not failures of
     * their own (no handler, no route); false when stopped first.
     */
    public boolean deadLetter(
            InboundMessage message, String type, String reason, Throwable error, int attempts, StopSignal stop) {
        return deadLetters.publish(new DeadLetter(message, type, reason, error, attempts), stop);
    }

    /**
     * Hands a message that failed for good to the failure strategy.
     *
     * @return true when done with it (dead-lettered or ignored); false when it must be delivered again (stopped first,
     *     or the fail-stop strategy stopped consuming)
     */
    public boolean fail(
            InboundMessage message, String type, String reason, Throwable error, int attempts, StopSignal stop) {
        return failureStrategy.failed(new DeadLetter(message, type, reason, error, attempts), stop);
    }

    /**
     * Runs one handler step until it succeeds, retries are exhausted (failure strategy), or the message's worker
     * stops.
     * An output of the step that already failed when the step returned counts as a failed attempt; outputs still on
     * their way are in the outcome, for the caller to await.
     *
     * @param firstAttempt the number of the first attempt made now: 1, or more when an earlier attempt's outputs
     *     failed after it returned
     */
    public Outcome runWithRetries(
            InboundMessage message,
            String type,
            MessageMeters meters,
            Step step,
            Contexts contexts,
            StopSignal stop,
            int firstAttempt) {
        for (int attempt = firstAttempt; ; attempt++) {
            long start = System.nanoTime();
            Throwable failure;
            CompletableFuture<Void> outputs;
            try (Handling handling = Handling.open(message.key())) {
                try {
                    step.run(contexts.context(type, attempt, handling));
                    failure = null;
                } catch (VirtualMachineError e) {
                    throw e;
                } catch (Throwable e) {
                    failure = e;
                }
                outputs = handling.outputs();
            }
            if (outputs.isCompletedExceptionally()) {
                failure = Handling.unwrap(
                        outputs.handle((ignored, error) -> error).join());
            }
            if (failure == null) {
                meters.processed(System.nanoTime() - start);
                return Outcome.handled(type, attempt, outputs);
            }
            meters.failed(System.nanoTime() - start);
            if (failure instanceof InvalidMessageException) {
                LOG.warn("Invalid {}: {}", message.describe(), failure.getMessage());
                return Outcome.of(fail(message, type, DeadLetterHeaders.REASON_INVALID, failure, attempt, stop));
            }
            Retry next = afterFailure(message, type, failure, attempt, stop);
            if (next != Retry.AGAIN) {
                return Outcome.of(next == Retry.SETTLED);
            }
            meters.retried();
        }
    }

    /**
     * After a failed attempt (the handler threw, or one of its outputs failed): waits out the backoff when retries
     * are left, else hands the message to the failure strategy, with reason {@code output_failed} when an output
     * failed.
     */
    public Retry afterFailure(InboundMessage message, String type, Throwable failure, int attempt, StopSignal stop) {
        boolean output = failure instanceof OutputFailedException;
        if (!retryPolicy.shouldRetry(attempt)) {
            LOG.warn("Giving up on {} after {} failed attempt(s)", message.describe(), attempt, failure);
            String reason = output ? DeadLetterHeaders.REASON_OUTPUT : DeadLetterHeaders.REASON_HANDLER;
            return fail(message, type, reason, failure, attempt, stop) ? Retry.SETTLED : Retry.STOPPED;
        }
        Duration backoff = retryPolicy.backoffAfter(attempt);
        LOG.info(
                "{} of {} failed on attempt {} of {}: {}; retrying in {} ms",
                output ? "An output" : "The handler",
                message.describe(),
                attempt,
                retryPolicy.maxRetries() + 1,
                failure.toString(),
                backoff.toMillis());
        return stop.awaitStop(backoff) ? Retry.STOPPED : Retry.AGAIN;
    }

    /** What follows a failed attempt. */
    public enum Retry {
        /** The backoff passed: attempt again. */
        AGAIN,
        /** No retries were left: the failure strategy settled the message (dead letter, or ignored), done. */
        SETTLED,
        /** Stopped first, or by the fail-stop strategy: the message must be delivered again. */
        STOPPED
    }

    /** How failed handlings are retried. */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** One handler call. */
    @FunctionalInterface
    public interface Step {
        /** Runs the handler with the context of this attempt. */
        void run(MessageContext context) throws Exception;
    }

    /** Makes the handler context of a message for each attempt. */
    @FunctionalInterface
    public interface Contexts {
        /**
         * The context of the given attempt (1-based) of a message of the given type, whose outputs attached through
         * it belong to the handling.
         */
        MessageContext context(String messageType, int attempt, Handling handling);
    }

    /**
     * What a dispatcher works with.
     *
     * @param registry the handlers
     * @param decoder finds types and decodes payloads
     * @param retryPolicy how failed handlers are retried
     * @param unhandledPolicy what happens to messages without handler
     * @param deadLetters where messages without handler go
     * @param failureStrategy what becomes of messages that failed for good
     * @param metrics where outcomes are counted
     */
    public record Collaborators(
            HandlerRegistry registry,
            MessageDecoder decoder,
            RetryPolicy retryPolicy,
            UnhandledMessagePolicy unhandledPolicy,
            DeadLetterPublisher deadLetters,
            FailureStrategy failureStrategy,
            AgentMetrics metrics) {}
}
