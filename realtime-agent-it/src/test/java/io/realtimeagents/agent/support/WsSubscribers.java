package io.realtimeagents.agent.support;

import io.realtimeagents.agent.RunningAgent;
import io.realtimeagents.testkit.Await;
import io.realtimeagents.testkit.HttpTestClient;
import io.realtimeagents.testkit.WsTestClient;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Many WebSocket clients of one auto-subscribing endpoint, connected at once and known to the agent. */
public final class WsSubscribers {
    private WsSubscribers() {}

    /**
     * Connects {@code count} clients to an endpoint that subscribes them to {@code topic} on connect, and waits until
     * each has its confirmation and the agent counts them all as subscribers.
     *
     * @param into receives each client as it connects, so the caller can close them even when this fails
     */
    public static void connect(
            RunningAgent running, String path, String topic, int count, Duration timeout, List<WsTestClient> into)
            throws InterruptedException {
        URI uri = URI.create("ws://localhost:" + running.port() + path);
        List<CompletableFuture<WsTestClient>> connecting = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            connecting.add(WsTestClient.connectAsync(uri));
        }
        for (CompletableFuture<WsTestClient> connected : connecting) {
            into.add(connected.join());
        }
        for (WsTestClient each : into) {
            each.next("subscription_confirmed", timeout);
        }
        Await.await(
                timeout,
                "all " + count + " subscribers of " + topic + " registered",
                () -> HttpTestClient.of(running.url())
                                .get("/realtime/connections")
                                .json()
                                .path("topics")
                                .path(topic)
                                .asInt()
                        == count);
    }
}
