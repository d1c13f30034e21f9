package io.realtimeagents.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimeagents.agent.hooks.AgentHook;
import io.realtimeagents.agent.hooks.HandlingInfo;
import io.realtimeagents.agent.hooks.HandlingOutcome;
import io.realtimeagents.agent.internal.delivery.HookRunner;
import io.realtimeagents.agent.support.LogCapture;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.testkit.Await;
import io.realtimeagents.testkit.KafkaBroker;
import io.realtimeagents.testkit.KafkaTestClient;
import io.realtimeagents.testkit.TestAgent;
import io.realtimeagents.testkit.WithKafka;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Hooks see the agent's start and stop and each handler attempt, in the order they were added; a hook that throws is
 * logged and counted and never breaks the handling.
 */
@WithKafka
@SuppressWarnings("try") // agents run for the duration of try blocks that need no reference to them
class HooksIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    record Item(String id, boolean fail) {}

    /** Writes what it sees, prefixed by its name, to a shared list. */
    static final class Recording implements AgentHook {
        private final String name;
        private final List<String> seen;

        Recording(String name, List<String> seen) {
            this.name = name;
            this.seen = seen;
        }

        @Override
        public void onStart(AgentConfig config) {
            seen.add(name + " start");
        }

        @Override
        public void onStop(AgentConfig config) {
            seen.add(name + " stop");
        }

        @Override
        public void beforeHandling(HandlingInfo handling) {
            seen.add(name + " before " + handling.key() + " " + handling.attempt());
        }

        @Override
        public void afterHandling(HandlingInfo handling, HandlingOutcome outcome) {
            seen.add(name + " after " + handling.key() + " " + handling.attempt() + " " + outcome.status()
                    + (outcome.error() == null ? "" : " " + outcome.error().getMessage()));
        }

        @Override
        public void onError(HandlingInfo handling, Throwable error) {
            seen.add(name + " error " + handling.key() + " " + handling.attempt() + " " + error.getMessage());
        }
    }

    /** Throws from every method. */
    static final class Broken implements AgentHook {
        @Override
        public void onStart(AgentConfig config) {
            throw new IllegalStateException("broken start");
        }

        @Override
        public void beforeHandling(HandlingInfo handling) {
            throw new IllegalStateException("broken before");
        }

        @Override
        public void afterHandling(HandlingInfo handling, HandlingOutcome outcome) {
            throw new IllegalStateException("broken after");
        }
    }

    /** Forwards items to an output topic; an item with {@code fail} throws instead. */
    static final class ItemAgent extends RealtimeAgent {
        final List<String> seen;
        final List<HandlingInfo> infos = new CopyOnWriteArrayList<>();
        private final String input;
        private final String output;
        private final List<AgentHook> hooks;

        ItemAgent(String input, String output, List<String> seen, List<AgentHook> hooks) {
            this.input = input;
            this.output = output;
            this.seen = seen;
            this.hooks = hooks;
        }

        @Override
        protected void initialize() {
            hooks.forEach(this::addHook);
            addHook(new AgentHook() {
                @Override
                public void beforeHandling(HandlingInfo handling) {
                    infos.add(handling);
                }
            });
            subscribeKafka(input, "item");
            onMessage("item", Item.class, (item, context) -> {
                seen.add("handler " + item.id() + " " + context.attempt());
                if (item.fail()) {
                    throw new IllegalStateException("item " + item.id() + " fails");
                }
                sendKafkaMessage(output, item.id(), item.id());
            });
        }

        @Override
        protected void onStart() {
            seen.add("agent start");
        }

        double hookFailures(String phase) {
            var counter = meterRegistry()
                    .find("realtime.hook.failures")
                    .tag("hook", Broken.class.getName())
                    .tag("phase", phase)
                    .counter();
            return counter == null ? 0 : counter.count();
        }
    }

    @Test
    void twoHooks_seeStartEachAttemptAndStop_inTheOrderTheyWereAdded(KafkaBroker broker, KafkaTestClient client) {
        String input = client.uniqueTopic("hooks-in", 1);
        String output = client.uniqueTopic("hooks-out", 1);
        List<String> seen = new CopyOnWriteArrayList<>();
        ItemAgent agent =
                new ItemAgent(input, output, seen, List.of(new Recording("A", seen), new Recording("B", seen)));
        try (TestAgent<ItemAgent> running = TestAgent.start(() -> agent, broker)) {
            assertThat(seen).containsExactly("A start", "B start", "agent start");
            seen.clear();

            client.produce(input, "ok", "{\"id\":\"ok\",\"fail\":false}", Map.of("correlation_id", "corr-ok"));
            client.consume(output, 1, TIMEOUT);
            Await.await(TIMEOUT, "the hooks saw the handled item", () -> seen.contains("B after ok 1 HANDLED"));
            assertThat(seen)
                    .containsExactly(
                            "A before ok 1",
                            "B before ok 1",
                            "handler ok 1",
                            "A after ok 1 HANDLED",
                            "B after ok 1 HANDLED");
            HandlingInfo info = agent.infos.get(0);
            assertThat(info.transport()).isEqualTo(HandlingInfo.Transport.KAFKA);
            assertThat(info.topic()).isEqualTo(input);
            assertThat(info.messageType()).isEqualTo("item");
            assertThat(info.correlationId()).isEqualTo("corr-ok");
            seen.clear();

            client.produce(input, "bad", "{\"id\":\"bad\",\"fail\":true}");
            ConsumerRecord<String, String> letter =
                    client.consume(input + ".dlq", 1, TIMEOUT).get(0);
            assertThat(letter.key()).isEqualTo("bad");
            Await.await(
                    TIMEOUT,
                    "the hooks saw the dead letter",
                    () -> seen.contains("B after bad 3 DEAD_LETTERED" + " item bad fails"));
            String error = " item bad fails";
            assertThat(seen)
                    .containsExactly(
                            "A before bad 1",
                            "B before bad 1",
                            "handler bad 1",
                            "A error bad 1" + error,
                            "B error bad 1" + error,
                            "A after bad 1 RETRIED" + error,
                            "B after bad 1 RETRIED" + error,
                            "A before bad 2",
                            "B before bad 2",
                            "handler bad 2",
                            "A error bad 2" + error,
                            "B error bad 2" + error,
                            "A after bad 2 RETRIED" + error,
                            "B after bad 2 RETRIED" + error,
                            "A before bad 3",
                            "B before bad 3",
                            "handler bad 3",
                            "A error bad 3" + error,
                            "B error bad 3" + error,
                            "A after bad 3 DEAD_LETTERED" + error,
                            "B after bad 3 DEAD_LETTERED" + error);
            seen.clear();
        }
        assertThat(seen).containsExactly("A stop", "B stop");
    }

    @Test
    void aThrowingHook_isLoggedOnceAndCounted_andTheHandlingAndTheOtherHooksGoOn(
            KafkaBroker broker, KafkaTestClient client) {
        String input = client.uniqueTopic("hooks-broken-in", 1);
        String output = client.uniqueTopic("hooks-broken-out", 1);
        List<String> seen = new CopyOnWriteArrayList<>();
        ItemAgent agent = new ItemAgent(input, output, seen, List.of(new Broken(), new Recording("after", seen)));
        try (LogCapture logs = LogCapture.of(HookRunner.class);
                TestAgent<ItemAgent> running = TestAgent.start(() -> agent, broker)) {
            assertThat(seen).as("the next hook and the agent still start").contains("after start", "agent start");
            for (int i = 0; i < 3; i++) {
                client.produce(input, "k" + i, "{\"id\":\"k" + i + "\",\"fail\":false}");
            }
            List<String> forwarded = client.consume(output, 3, TIMEOUT).stream()
                    .map(ConsumerRecord::value)
                    .toList();
            assertThat(forwarded).containsExactly("k0", "k1", "k2");
            Await.await(TIMEOUT, "the last after hook ran", () -> seen.contains("after after k2 1 HANDLED"));
            assertThat(seen).contains("after before k0 1", "after after k0 1 HANDLED", "after before k2 1");
            assertThat(agent.hookFailures("start")).isEqualTo(1.0);
            assertThat(agent.hookFailures("before_handling")).isEqualTo(3.0);
            assertThat(agent.hookFailures("after_handling")).isEqualTo(3.0);
            List<String> warnings = logs.messages().stream()
                    .filter(message -> message.contains(Broken.class.getName()))
                    .toList();
            assertThat(warnings)
                    .as("one warning per hook and phase, naming the hook")
                    .hasSize(3)
                    .anySatisfy(message -> assertThat(message).contains("phase before_handling"))
                    .anySatisfy(message -> assertThat(message).contains("realtime_hook_failures_total"));
        }
    }
}
