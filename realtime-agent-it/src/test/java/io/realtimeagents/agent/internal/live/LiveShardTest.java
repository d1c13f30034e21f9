package io.realtimeagents.agent.internal.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.EventLoop;
import io.netty.channel.embedded.EmbeddedChannel;
import io.realtimeagents.common.internal.live.TopicPermissions;
import io.realtimeagents.common.live.SlowClientPolicy;
import io.realtimeagents.testkit.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LiveShardTest {
    private static final Duration HEARTBEAT = Duration.ofMillis(640);

    private final DefaultEventLoopGroup group = new DefaultEventLoopGroup(1);
    private final EventLoop loop = group.next();
    private final LiveSettings settings = new LiveSettings(
            Map.of(),
            65_536,
            100,
            HEARTBEAT,
            Duration.ofMinutes(1),
            1 << 20,
            SlowClientPolicy.CLOSE,
            Duration.ofSeconds(5),
            10,
            Duration.ofMinutes(5),
            Duration.ofSeconds(1));
    private final LiveShard shard = new LiveShard(loop, new LiveHub(settings, new SimpleMeterRegistry()));

    @AfterEach
    void stop() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    @Test
    void heartbeatsAreSpreadOverTheInterval_notWrittenToEveryConnectionAtOnce() throws Exception {
        List<BeatingConnection> connections = new ArrayList<>();
        for (int i = 0; i < LiveShard.HEARTBEAT_SLOTS; i++) {
            connections.add(new BeatingConnection(shard, settings));
        }
        loop.submit(() -> {
                    connections.forEach(shard::add);
                    shard.startHeartbeat(HEARTBEAT.toNanos());
                })
                .get(10, TimeUnit.SECONDS);

        Await.await(
                Duration.ofSeconds(20),
                "a heartbeat for every connection",
                () -> connections.stream().allMatch(c -> c.firstBeatNanos != 0));

        List<Long> beats =
                connections.stream().map(c -> c.firstBeatNanos).sorted().toList();
        long spreadMillis = (beats.getLast() - beats.getFirst()) / 1_000_000;
        assertThat(spreadMillis)
                .as("the first heartbeats of %d connections spread over the %d ms interval", beats.size(), 640)
                .isGreaterThanOrEqualTo(HEARTBEAT.toMillis() / 2);
    }

    /** A connection that only notes when its first heartbeat came. */
    private static final class BeatingConnection extends LiveConnection {
        volatile long firstBeatNanos;

        BeatingConnection(LiveShard shard, LiveSettings settings) {
            super(new EmbeddedChannel(), shard, TopicPermissions.all(), settings);
        }

        @Override
        Transport transport() {
            return Transport.SSE;
        }

        @Override
        ByteBuf bytesOf(LiveMessage message) {
            return message.sseChunk();
        }

        @Override
        void heartbeat(long nowNanos) {
            if (firstBeatNanos == 0) {
                firstBeatNanos = nowNanos;
            }
        }

        @Override
        void close(CloseReason reason, String detail) {
            channel.close();
        }
    }
}
