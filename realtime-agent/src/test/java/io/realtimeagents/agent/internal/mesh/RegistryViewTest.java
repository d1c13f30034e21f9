package io.realtimeagents.agent.internal.mesh;

import static io.realtimeagents.agent.internal.mesh.AgentCardCodecTest.card;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.realtimeagents.agent.mesh.AgentInstance;
import io.realtimeagents.agent.mesh.MissingDependenciesException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RegistryViewTest {
    private static final Duration LEASE = Duration.ofMillis(600);

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final RegistryView view = new RegistryView(now::get, scheduler, "realtime.agents");

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void announcement_livesUntilItsTimestampPlusTheLease_andAHeartbeatRenewsIt() {
        AgentInstance a = card("a", "1", LEASE);
        assertThat(view.announce(a, now.get())).isTrue();

        now.addAndGet(599);
        assertThat(view.expire()).isEmpty();
        assertThat(view.announce(a, now.get())).isFalse(); // a heartbeat: not new
        now.addAndGet(599);
        assertThat(view.expire()).isEmpty();
        now.addAndGet(1);

        assertThat(view.expire()).containsExactly(a);
        assertThat(view.discover("a")).isEmpty();
    }

    @Test
    void announcement_whoseLeasePassedBeforeItWasRead_neverEnters() {
        assertThat(view.announce(card("a", "1", LEASE), now.get() - 600)).isFalse();

        assertThat(view.instances()).isEmpty();
    }

    @Test
    void timestampInTheFuture_countsAsNow() {
        AgentInstance a = card("a", "1", LEASE);
        view.announce(a, now.get() + 60_000);

        now.addAndGet(600);

        assertThat(view.expire()).containsExactly(a);
    }

    @Test
    void tombstone_removesAtOnce() {
        AgentInstance a = card("a", "1", LEASE);
        view.announce(a, now.get());

        assertThat(view.remove("a/1")).isEqualTo(a);
        assertThat(view.remove("a/1")).isNull();
        assertThat(view.instances()).isEmpty();
    }

    @Test
    void discovery_byServiceAndByCapability_isSorted() {
        view.announce(card("b", "2", LEASE, "translate"), now.get());
        view.announce(card("a", "9", LEASE, "summarize"), now.get());
        view.announce(card("a", "1", LEASE, "summarize", "translate"), now.get());

        assertThat(view.discover("a")).extracting(AgentInstance::key).containsExactly("a/1", "a/9");
        assertThat(view.discoverByCapability("translate"))
                .extracting(AgentInstance::key)
                .containsExactly("a/1", "b/2");
        assertThat(view.instances()).extracting(AgentInstance::key).containsExactly("a/1", "a/9", "b/2");
        assertThat(view.missing(java.util.List.of("c", "b", "d"))).containsExactly("c", "d");
        assertThat(view.isFirst("a/1")).isTrue();
        assertThat(view.isFirst("b/2")).isFalse();
    }

    @Test
    void awaitDependencies_completesOnceAllAreLive() {
        var waiting = view.awaitDependencies(Duration.ofSeconds(30), "a", "b").toCompletableFuture();
        view.announce(card("a", "1", LEASE), now.get());
        assertThat(waiting).isNotDone();

        view.announce(card("b", "1", LEASE), now.get());

        waiting.join();
        assertThat(waiting).isCompleted();
    }

    @Test
    void awaitDependencies_failsAtTheTimeout_namingTheMissingOnes() {
        view.announce(card("a", "1", LEASE), now.get());
        var waiting =
                view.awaitDependencies(Duration.ofMillis(200), "a", "b", "c").toCompletableFuture();
        now.addAndGet(200); // the deadline passes on the view's clock

        assertThatThrownBy(waiting::join)
                .isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOf(MissingDependenciesException.class)
                .hasMessageStartingWith(
                        "No live instance of b, c in the agent registry (realtime.agents) after 200 ms");
        MissingDependenciesException missing =
                (MissingDependenciesException) waiting.handle((ok, e) -> e).join();
        assertThat(missing.missing()).containsExactly("b", "c");
    }
}
