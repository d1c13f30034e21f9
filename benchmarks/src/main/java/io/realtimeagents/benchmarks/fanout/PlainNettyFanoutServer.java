package io.realtimeagents.benchmarks.fanout;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The physical baseline: a minimal Netty 4.2 server (NIO) serving WebSocket at {@code /ws} and SSE at {@code
 * /stream/events}, fanning out with a {@link Broadcaster}, driven by the benchmark through {@link ServerControl}.
 * Runs in a JVM of its own; argument: the number of event loops (default: the number of CPUs).
 */
public final class PlainNettyFanoutServer {
    /** Where WebSocket clients connect. */
    static final String WS_PATH = "/ws";

    private static final int MAX_REQUEST_BYTES = 64 * 1024;
    private static final int ACCEPT_BACKLOG = 4096;

    private PlainNettyFanoutServer() {}

    /**
     * Serves on a free port until standard input ends.
     *
     * @param args optionally the number of event loops
     */
    public static void main(String[] args) throws Exception {
        PrintStream protocol = System.out;
        System.setOut(System.err);
        int threads = args.length > 0
                ? Integer.parseInt(args[0])
                : Runtime.getRuntime().availableProcessors();
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
        try {
            Broadcaster broadcaster = new Broadcaster(workers);
            Channel server = bootstrap(boss, workers, new PlainFanoutHandler(broadcaster))
                    .bind(0)
                    .sync()
                    .channel();
            ServerControl.serve(protocol, ((InetSocketAddress) server.localAddress()).getPort(), broadcaster);
            server.close().sync();
        } finally {
            boss.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            workers.shutdownGracefully(0, 0, TimeUnit.SECONDS).sync();
        }
        System.exit(0);
    }

    private static ServerBootstrap bootstrap(EventLoopGroup boss, EventLoopGroup workers, PlainFanoutHandler handler) {
        WebSocketServerProtocolConfig webSocket = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(WS_PATH)
                .dropPongFrames(true)
                .build();
        return new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, ACCEPT_BACKLOG)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline()
                                .addLast(new HttpServerCodec())
                                .addLast(new HttpObjectAggregator(MAX_REQUEST_BYTES))
                                .addLast(new WebSocketServerProtocolHandler(webSocket))
                                .addLast(handler);
                    }
                });
    }
}
