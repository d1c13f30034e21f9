package io.realtimeagents.benchmarks.fanout;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.util.concurrent.EventExecutor;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Opens the load generator's clients: WebSocket ones first, then SSE ones, each bound to its loopback source address
 * and at most {@link ClientPlan#inFlight} opening at once, so the server's accept queue never overflows. A client
 * that is not ready within {@link #READY_TIMEOUT} is closed and counted as failed.
 */
final class Connector {
    /** How long a client may take from connect to ready. */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    /** How long all clients may take. */
    static final Duration CONNECT_ALL_TIMEOUT = Duration.ofMinutes(10);

    private static final String HOST = "127.0.0.1";
    private static final int MAX_FRAME_BYTES = 64 * 1024;

    /**
     * How opening went.
     *
     * @param ready clients ready to receive
     * @param failed clients that could not connect or were not ready in time
     * @param nanos how long opening all took
     * @param firstError the first failure, {@code none} when none
     */
    record Summary(long ready, long failed, long nanos, String firstError) {
        String fields() {
            return "ready=" + ready + " failed=" + failed + " nanos=" + nanos + " first_error="
                    + firstError.replaceAll("\\s+", "_");
        }
    }

    private final ClientPlan plan;
    private final Map<EventExecutor, LoopStats> stats;
    private final Bootstrap base;
    private final WebSocketClientProtocolConfig webSocket;

    Connector(ClientPlan plan, EventLoopGroup group, Map<EventExecutor, LoopStats> stats) {
        this.plan = plan;
        this.stats = stats;
        this.base = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) READY_TIMEOUT.toMillis());
        this.webSocket = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(URI.create("ws://" + HOST + ":" + plan.port() + plan.webSocketPath()))
                .handshakeTimeoutMillis(READY_TIMEOUT.toMillis())
                .maxFramePayloadLength(MAX_FRAME_BYTES)
                .dropPongFrames(true)
                .withUTF8Validator(false)
                .build();
    }

    /** Opens every client of the plan and waits until each is ready or failed. */
    Summary connectAll() throws InterruptedException {
        Semaphore inFlight = new Semaphore(plan.inFlight());
        CountDownLatch done = new CountDownLatch(plan.clients());
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        long start = System.nanoTime();
        for (int i = 0; i < plan.clients(); i++) {
            inFlight.acquire();
            connect(i).ready.whenComplete((ignored, error) -> {
                if (error != null) {
                    failed.incrementAndGet();
                    firstError.compareAndSet(null, error.toString());
                }
                inFlight.release();
                done.countDown();
            });
        }
        boolean all = done.await(CONNECT_ALL_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
        long failures = failed.get() + (all ? 0 : done.getCount());
        String error = firstError.get() != null ? firstError.get() : all ? "none" : "not all ready in time";
        return new Summary(plan.clients() - failures, failures, System.nanoTime() - start, error);
    }

    private ClientState connect(int i) {
        boolean sse = i >= plan.webSockets();
        ClientState state = new ClientState(sse);
        ChannelFuture connected = base.clone()
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        state.attach(channel, stats.get(channel.eventLoop()));
                        pipeline(channel, state);
                    }
                })
                .connect(
                        new InetSocketAddress(HOST, plan.port()),
                        new InetSocketAddress(plan.sourceAddress(plan.firstIndex() + i), 0));
        connected.addListener(future -> {
            if (!future.isSuccess()) {
                state.ready.completeExceptionally(future.cause());
            }
        });
        if (!connected.isDone() || connected.isSuccess()) { // else it failed to open, and has no event loop
            Channel channel = connected.channel();
            channel.eventLoop()
                    .schedule(() -> timeOut(state, channel), READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        return state;
    }

    private void pipeline(SocketChannel channel, ClientState state) {
        channel.pipeline().addLast(new HttpClientCodec());
        if (state.sse()) {
            String host = HOST + ":" + plan.port();
            channel.pipeline().addLast(new SseClientHandler(state, host, plan.ssePath()));
        } else {
            channel.pipeline()
                    .addLast(new HttpObjectAggregator(MAX_FRAME_BYTES))
                    .addLast(new WebSocketClientProtocolHandler(webSocket))
                    .addLast(new WsClientHandler(state));
        }
    }

    private static void timeOut(ClientState state, Channel channel) {
        if (state.ready.completeExceptionally(new TimeoutException("not ready within " + READY_TIMEOUT))) {
            channel.close();
        }
    }
}
