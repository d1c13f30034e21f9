package io.realtimeagents.agent.internal.server;

import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.realtimeagents.agent.internal.live.LiveService;

/**
 * Hooks live delivery into Micronaut's Netty server: every HTTP/1.1 connection gets the live router right after the
 * HTTP codec, so WebSocket upgrades and SSE requests are served by the live layer and never reach a controller.
 */
final class LiveCustomizer implements NettyServerCustomizer {
    private final LiveService live;
    private final Channel channel;

    LiveCustomizer(LiveService live) {
        this(live, null);
    }

    private LiveCustomizer(LiveService live, Channel channel) {
        this.live = live;
        this.channel = channel;
    }

    @Override
    public NettyServerCustomizer specializeForChannel(Channel connection, ChannelRole role) {
        return role == ChannelRole.CONNECTION ? new LiveCustomizer(live, connection) : this;
    }

    @Override
    public void onStreamPipelineBuilt() {
        if (channel != null) {
            live.install(channel.pipeline(), ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC);
        }
    }
}
