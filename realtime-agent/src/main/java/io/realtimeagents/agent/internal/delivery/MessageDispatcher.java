package io.realtimeagents.agent.internal.delivery;

import io.opentelemetry.context.Scope;
import io.realtimeagents.agent.DeadLetterHeaders;
import io.realtimeagents.agent.hooks.HandlingInfo;
import io.realtimeagents.agent.hooks.HandlingOutcome;
import io.realtimeagents.agent.hooks.HandlingOutcome.Status;
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
    private final HookRunner hooks;

    /** Creates a dispatcher; the arguments are shared, thread-safe collaborators. */
    public MessageDispatcher(DispatcherParts collaborators) {
        this.registry = collaborators.registry();
        this.decoder = collaborators.decoder();
        this.retryPolicy = collaborators.retryPolicy();
        this.unhandledPolicy = collaborators.unhandledPolicy();
        this.deadLetters = collaborators.deadLetters();
        this.failureStrategy = collaborators.failureStrategy();
        this.metrics = collaborators.metrics();
        this.hooks = collaborators.hooks();
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
        HandlingSubject subject = new HandlingSubject(
                message, decoded.messageType(), Propagation.of(message.correlationId(), decoded.correlationId()));
        return runWithRetries(subject, meters, decoded::invoke, contexts, stop, firstAttempt);
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
     * stops; the hooks see each attempt, the handler's log lines the message's MDC, and its span ({@link HandlingSpan},
     * when tracing is active) all attempts.
     * An output of the step that already failed when the step returned counts as a failed attempt; outputs still on
     * their way are in the outcome, for the caller to await.
     *
     * @param firstAttempt the number of the first attempt made now: 1, or more when an earlier attempt's outputs
     *     failed after it returned
     */
    public Outcome runWithRetries(
            HandlingSubject subject,
            MessageMeters meters,
            Step step,
            Contexts contexts,
            StopSignal stop,
            int firstAttempt) {
        InboundMessage message = subject.message();
        String type = subject.type();
        HandlingSpan span = HandlingSpan.start(subject);
        Propagation propagation = span.propagation(subject.propagation());
        HandlingMdc.open(subject);
        try {
            for (int attempt = firstAttempt; ; attempt++) {
                HandlingInfo info = hooks.active() ? subject.info(attempt) : null;
                if (info != null) {
                    hooks.before(info);
                }
                long start = System.nanoTime();
                Throwable failure;
                CompletableFuture<Void> outputs;
                try (Handling handling = Handling.open(message.key(), propagation);
                        Scope traced = span.enter()) {
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
                long elapsed = System.nanoTime() - start;
                if (failure == null) {
                    meters.processed(elapsed);
                    if (info != null) {
                        hooks.after(info, new HandlingOutcome(Status.HANDLED, Duration.ofNanos(elapsed), null));
                    }
                    return span.handled(Outcome.handled(type, attempt, propagation, outputs));
                }
                meters.failed(elapsed);
                span.attemptFailed(failure);
                if (info != null) {
                    hooks.error(info, failure);
                }
                FailureReport report = info == null ? null : new FailureReport(info, elapsed);
                Retry next;
                if (failure instanceof InvalidMessageException) {
                    LOG.warn("Invalid {}: {}", message.describe(), failure.getMessage());
                    next = fail(message, type, DeadLetterHeaders.REASON_INVALID, failure, attempt, stop)
                            ? Retry.SETTLED
                            : Retry.STOPPED;
                    report(report, next, failure);
                } else {
                    next = afterFailure(message, type, failure, attempt, stop, report);
                }
                if (next != Retry.AGAIN) {
                    span.failed(next == Retry.SETTLED ? "failed for good: " + failure : "stopped: " + failure);
                    return Outcome.of(next == Retry.SETTLED);
                }
                meters.retried();
            }
        } finally {
            HandlingMdc.close();
        }
    }

    /**
     * After the outputs of a handled message failed once its handler had returned: tells the hooks, then waits out
     * the backoff when retries are left (then the message is handled again with the next attempt), else hands it to
     * the failure strategy with reason {@code output_failed}.
     */
    public Retry afterOutputFailure(InboundMessage message, Outcome handled, Throwable failure, StopSignal stop) {
        if (handled.propagation() == null) {
            return afterFailure(message, handled.messageType(), failure, handled.attempt(), stop);
        }
        HandlingSubject subject = new HandlingSubject(message, handled.messageType(), handled.propagation());
        HandlingMdc.open(subject);
        try {
            if (hooks.active()) {
                hooks.error(subject.info(handled.attempt()), failure);
            }
            return afterFailure(message, handled.messageType(), failure, handled.attempt(), stop);
        } finally {
            HandlingMdc.close();
        }
    }

    /**
     * After a failed attempt (the handler threw, or one of its outputs failed): waits out the backoff when retries
     * are left, else hands the message to the failure strategy, with reason {@code output_failed} when an output
     * failed.
     */
    public Retry afterFailure(InboundMessage message, String type, Throwable failure, int attempt, StopSignal stop) {
        return afterFailure(message, type, failure, attempt, stop, null);
    }

    private Retry afterFailure(
            InboundMessage message,
            String type,
            Throwable failure,
            int attempt,
            StopSignal stop,
            FailureReport report) {
        boolean output = failure instanceof OutputFailedException;
        if (!retryPolicy.shouldRetry(attempt)) {
            LOG.warn("Giving up on {} after {} failed attempt(s)", message.describe(), attempt, failure);
            String reason = output ? DeadLetterHeaders.REASON_OUTPUT : DeadLetterHeaders.REASON_HANDLER;
            Retry settled = fail(message, type, reason, failure, attempt, stop) ? Retry.SETTLED : Retry.STOPPED;
            report(report, settled, failure);
            return settled;
        }
        report(report, Retry.AGAIN, failure);
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

    /** Tells the hooks what became of a failed attempt; nothing when there are none (no report). */
    private void report(FailureReport report, Retry next, Throwable failure) {
        if (report != null) {
            hooks.after(report.info(), report.outcome(next, failureStrategy instanceof IgnoreStrategy, failure));
        }
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
}
