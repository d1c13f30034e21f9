package io.realtimeagents.agent.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class HandlingTest {
    @Test
    void outputStartedOnTheHandlersThread_isPartOfTheHandling() {
        CompletableFuture<String> sent = new CompletableFuture<>();
        CompletableFuture<Void> outputs;
        try (Handling handling = Handling.open(null, null)) {
            Handling.track(sent, "kafka topic", "alerts");
            outputs = handling.outputs();
        }
        assertThat(outputs).isNotDone();
        sent.complete("acknowledged");
        assertThat(outputs).isCompletedWithValue(null);
    }

    @Test
    void outputThatFails_failsTheHandling_namingTheOutputAndItsCause() {
        CompletableFuture<String> first = new CompletableFuture<>();
        CompletableFuture<String> second = new CompletableFuture<>();
        CompletableFuture<Void> outputs;
        try (Handling handling = Handling.open(null, null)) {
            Handling.track(first, "kafka topic", "alerts");
            Handling.track(second, "mqtt topic", "wards/3");
            outputs = handling.outputs();
        }
        first.complete("acknowledged");
        second.completeExceptionally(new IllegalStateException("not authorized"));

        assertThat(outputs).isCompletedExceptionally();
        Outcome outcome = Outcome.handled("note", 1, null, outputs);
        assertThat(outcome.outputFailure())
                .isInstanceOf(OutputFailedException.class)
                .hasMessage("The output to mqtt topic wards/3 failed: java.lang.IllegalStateException: not authorized")
                .hasRootCauseMessage("not authorized");
        assertThat(((OutputFailedException) outcome.outputFailure()).target()).isEqualTo("mqtt topic wards/3");
        assertThat(outcome.isComplete()).isFalse();
    }

    @Test
    void outputOutsideAnyHandling_isNotTracked_andHandlingsDoNotLeakAcrossNesting() {
        CompletableFuture<String> loose = new CompletableFuture<>();
        assertThat(Handling.track(loose, "kafka topic", "t")).isSameAs(loose);

        CompletableFuture<String> inner = new CompletableFuture<>();
        CompletableFuture<String> outer = new CompletableFuture<>();
        CompletableFuture<Void> innerOutputs;
        CompletableFuture<Void> outerOutputs;
        try (Handling outerHandling = Handling.open(null, null)) {
            try (Handling innerHandling = Handling.open(null, null)) {
                Handling.track(inner, "kafka topic", "inner");
                innerOutputs = innerHandling.outputs();
            }
            Handling.track(outer, "kafka topic", "outer");
            outerOutputs = outerHandling.outputs();
        }
        inner.complete("done");
        assertThat(innerOutputs).isDone();
        assertThat(outerOutputs).isNotDone();
        outer.complete("done");
        assertThat(outerOutputs).isDone();
    }

    @Test
    void outputAttachedAfterTheHandlerReturned_isRefusedWithAClearMessage() {
        Handling handling = Handling.open(null, null);
        handling.outputs();
        handling.close();

        assertThatThrownBy(() -> handling.attach(new CompletableFuture<>(), "an output tracked by the handler"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("The handler already returned")
                .hasMessageContaining("attach outputs before the handler returns");
    }

    @Test
    void handlingWithoutOutputs_isCompleteAtOnce() {
        try (Handling handling = Handling.open(null, null)) {
            assertThat(handling.outputs()).isCompleted();
        }
        assertThat(Outcome.DONE
                        .and(Outcome.handled("x", 2, null, new CompletableFuture<>()))
                        .attempt())
                .isEqualTo(2);
        assertThat(Outcome.DONE.isComplete()).isTrue();
        assertThat(Outcome.STOPPED.isComplete())
                .as("a stopped message is not done")
                .isFalse();
    }

    @Test
    void inboundKey_isTheKeyOfTheInnermostHandlingOnThisThread_andNoneOutsideAnyHandling() {
        byte[] outerKey = {'p', '1'};
        byte[] innerKey = {'p', '2'};
        assertThat(Handling.inboundKey()).isNull();
        try (Handling outer = Handling.open(outerKey, null)) {
            assertThat(Handling.inboundKey()).isSameAs(outerKey);
            try (Handling inner = Handling.open(innerKey, null)) {
                assertThat(Handling.inboundKey()).isSameAs(innerKey);
            }
            assertThat(Handling.inboundKey()).isSameAs(outerKey);
            try (Handling unkeyed = Handling.open(null, null)) {
                assertThat(Handling.inboundKey())
                        .as("an unkeyed message has no key")
                        .isNull();
            }
        }
        assertThat(Handling.inboundKey()).isNull();
    }

    @Test
    void propagation_isThatOfTheHandlingOnThisThread_andACarriedIdWinsOverANewOne() {
        assertThat(Propagation.current()).isNull();
        Propagation carried = Propagation.of("from-header", "from-body");
        assertThat(carried.correlationId()).isEqualTo("from-header");
        assertThat(Propagation.of(" ", "from-body").correlationId()).isEqualTo("from-body");
        String made = Propagation.of(null, null).correlationId();
        assertThat(java.util.UUID.fromString(made).version()).as(made).isEqualTo(4);
        assertThat(Propagation.of(null, null).correlationId()).isNotEqualTo(made);
        try (Handling handling = Handling.open(null, carried)) {
            assertThat(Propagation.current()).isSameAs(carried);
        }
        assertThat(Propagation.current()).isNull();
    }
}
