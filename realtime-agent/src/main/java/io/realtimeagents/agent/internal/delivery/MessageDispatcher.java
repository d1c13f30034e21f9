package io.realtimeagents.agent.internal.delivery;

import io.realtimeagents.agent.DeadLetterHeaders;
import io.realtimeagents.agent.internal.delivery.DeadLetterPublisher.DeadLetter;
import io.realtimeagents.agent.internal.metrics.AgentMetrics;
import io.realtimeagents.agent.internal.metrics.AgentMetrics.MessageMeters;
import io.realtimeagents.common.InvalidMessageException;
import io.realtimeagents.common.PayloadDecodingException;
import io.realtimeagents.common.config.UnhandledMessagePolicy;
import io.realtimeagents.common.handler.DecodedMessage;
import io.realtimeagents.common.handler.HandlerRegistry;
import io.realtimeagents.common.handler.MessageContext;
import io.realtimeagents.common.handler.MessageDecoder;
import io.realtimeagents.common.handler.RetryPolicy;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one message of any transport through decoding, its handler, retries with backoff and, when everything
 * failed, the dead-letter topic. Thread-safe: the workers of a transport share one dispatcher.
 */
public final class MessageDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(MessageDispatcher.class);

    private final HandlerRegistry registry;
    private final MessageDecoder decoder;
    private final RetryPolicy retryPolicy;
    private final UnhandledMessagePolicy unhandledPolicy;
    private final DeadLetterPublisher deadLetters;
    private final AgentMetrics metrics;

    /** Creates a dispatcher; the arguments are shared, thread-safe collaborators. */
    public MessageDispatcher(Collaborators collaborators) {
        this.registry = collaborators.registry();
        this.decoder = collaborators.decoder();
        this.retryPolicy = collaborators.retryPolicy();
        this.unhandledPolicy = collaborators.unhandledPolicy();
        this.deadLetters = collaborators.deadLetters();
        this.metrics = collaborators.metrics();
    }

    /**
     * Decodes a message and runs its handler.
     *
     * @return true when done with the message (handled, skipped or dead-lettered); false when stopped first, so the
     *     message must be delivered again
     */
    public boolean dispatch(InboundMessage message, Contexts contexts, StopSignal stop) {
        DecodedMessage decoded;
        try {
            decoded = decoder.decode(message.topic(), message.value(), message::header);
        } catch (PayloadDecodingException e) {
            LOG.warn("Dead-lettering undecodable {}: {}", message.describe(), e.getMessage());
            return deadLetter(message, null, DeadLetterHeaders.REASON_DECODE, e, 0, stop);
        }
        if (!decoded.hasHandler()) {
            if (unhandledPolicy == UnhandledMessagePolicy.IGNORE) {
                return true;
            }
            String reason = "No handler is registered for message type '" + decoded.messageType()
                    + "' (registered: " + registry.messageTypes() + "); set HANDLER_UNHANDLED=ignore to skip such"
                    + " messages";
            LOG.warn("Dead-lettering {}: {}", message.describe(), reason);
            return deadLetter(
                    message,
                    decoded.messageType(),
                    DeadLetterHeaders.REASON_UNHANDLED,
                    new IllegalStateException(reason),
                    0,
                    stop);
        }
        MessageMeters meters = metrics.forMessages(message.transport(), message.metricsTopic(), decoded.messageType());
        return runWithRetries(message, decoded.messageType(), meters, decoded::invoke, contexts, stop);
    }

    /** Writes a message to its dead-letter topic; false when stopped first. */
    public boolean deadLetter(
            InboundMessage message, String type, String reason, Throwable error, int attempts, StopSignal stop) {
        return deadLetters.publish(new DeadLetter(message, type, reason, error, attempts), stop);
    }

    /** Runs one handler step until it succeeds, retries are exhausted (dead letter), or the message's worker stops. */
    public boolean runWithRetries(
            InboundMessage message, String type, MessageMeters meters, Step step, Contexts contexts, StopSignal stop) {
        for (int attempt = 1; ; attempt++) {
            long start = System.nanoTime();
            try {
                step.run(contexts.context(type, attempt));
                meters.processed(System.nanoTime() - start);
                return true;
            } catch (VirtualMachineError e) {
                throw e;
            } catch (InvalidMessageException e) {
                meters.failed(System.nanoTime() - start);
                LOG.warn("Dead-lettering invalid {}: {}", message.describe(), e.getMessage());
                return deadLetter(message, type, DeadLetterHeaders.REASON_INVALID, e, attempt, stop);
            } catch (Throwable e) {
                meters.failed(System.nanoTime() - start);
                if (!retryPolicy.shouldRetry(attempt)) {
                    LOG.warn("Dead-lettering {} after {} failed attempt(s)", message.describe(), attempt, e);
                    return deadLetter(message, type, DeadLetterHeaders.REASON_HANDLER, e, attempt, stop);
                }
                Duration backoff = retryPolicy.backoffAfter(attempt);
                LOG.info(
                        "Handler of {} failed on attempt {} of {}: {}; retrying in {} ms",
                        message.describe(),
                        attempt,
                        retryPolicy.maxRetries() + 1,
                        e.toString(),
                        backoff.toMillis());
                if (stop.awaitStop(backoff)) {
                    return false;
                }
                meters.retried();
            }
        }
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
        /** The context of the given attempt (1-based) of a message of the given type. */
        MessageContext context(String messageType, int attempt);
    }

    /**
     * What a dispatcher works with.
     *
     * @param registry the handlers
     * @param decoder finds types and decodes payloads
     * @param retryPolicy how failed handlers are retried
     * @param unhandledPolicy what happens to messages without handler
     * @param deadLetters where failed messages go
     * @param metrics where outcomes are counted
     */
    public record Collaborators(
            HandlerRegistry registry,
            MessageDecoder decoder,
            RetryPolicy retryPolicy,
            UnhandledMessagePolicy unhandledPolicy,
            DeadLetterPublisher deadLetters,
            AgentMetrics metrics) {}
}
