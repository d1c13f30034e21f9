package io.realtimeagents.agent.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.realtimeagents.agent.hooks.AgentHook;
import io.realtimeagents.agent.hooks.HandlingInfo;
import io.realtimeagents.agent.hooks.HandlingInfo.Transport;
import io.realtimeagents.agent.hooks.HandlingOutcome;
import io.realtimeagents.agent.hooks.HandlingOutcome.Status;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class HookRunnerTest {
    private static final HandlingInfo INFO = new HandlingInfo(Transport.KAFKA, "vitals", "bp", "p1", "c-1", 1);
    private static final HandlingOutcome HANDLED = new HandlingOutcome(Status.HANDLED, Duration.ofMillis(1), null);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final HookRunner runner = new HookRunner(registry);
    private final List<String> calls = new CopyOnWriteArrayList<>();

    /** Records each call with its name. */
    private final class Recording implements AgentHook {
        private final String name;

        Recording(String name) {
            this.name = name;
        }

        @Override
        public void beforeHandling(HandlingInfo handling) {
            calls.add(name + " before " + handling.correlationId());
        }

        @Override
        public void afterHandling(HandlingInfo handling, HandlingOutcome outcome) {
            calls.add(name + " after " + outcome.status());
        }

        @Override
        public void onError(HandlingInfo handling, Throwable error) {
            calls.add(name + " error " + error.getMessage());
        }
    }

    /** Throws from every handling method. */
    private static final class Throwing implements AgentHook {
        @Override
        public void beforeHandling(HandlingInfo handling) {
            throw new IllegalStateException("broken hook");
        }

        @Override
        public void afterHandling(HandlingInfo handling, HandlingOutcome outcome) {
            throw new IllegalStateException("broken hook");
        }
    }

    @Test
    void withoutHooks_theRunnerIsInactive_andCallsNothing() {
        assertThat(runner.active()).isFalse();
        runner.before(INFO);
        runner.after(INFO, HANDLED);
        assertThat(registry.getMeters()).as("no hook failure counter is made").isEmpty();
    }

    @Test
    void hooks_runInTheOrderTheyWereAdded() {
        runner.add(new Recording("first"));
        runner.add(new Recording("second"));
        assertThat(runner.active()).isTrue();
        runner.before(INFO);
        runner.error(INFO, new IllegalArgumentException("bad"));
        runner.after(INFO, HANDLED);
        assertThat(calls)
                .containsExactly(
                        "first before c-1",
                        "second before c-1",
                        "first error bad",
                        "second error bad",
                        "first after HANDLED",
                        "second after HANDLED");
    }

    @Test
    void aThrowingHook_isCountedByHookAndPhase_andTheNextHookStillRuns() {
        runner.add(new Throwing());
        runner.add(new Recording("after-broken"));
        runner.before(INFO);
        runner.before(INFO);
        runner.after(INFO, HANDLED);
        assertThat(calls)
                .containsExactly("after-broken before c-1", "after-broken before c-1", "after-broken after HANDLED");
        String hook = Throwing.class.getName();
        assertThat(registry.get("realtime.hook.failures")
                        .tag("hook", hook)
                        .tag("phase", "before_handling")
                        .counter()
                        .count())
                .isEqualTo(2.0);
        assertThat(registry.get("realtime.hook.failures")
                        .tag("hook", hook)
                        .tag("phase", "after_handling")
                        .counter()
                        .count())
                .isEqualTo(1.0);
    }

    @Test
    void hooks_areAddedBeforeTheStart_only() {
        runner.add(new Recording("early"));
        runner.started(null);
        assertThatIllegalStateException()
                .isThrownBy(() -> runner.add(new Recording("late")))
                .withMessageContaining("Hooks are added in initialize(), before the agent starts")
                .withMessageContaining("came too late");
    }
}
