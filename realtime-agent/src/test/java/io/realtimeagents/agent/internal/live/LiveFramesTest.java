package io.realtimeagents.agent.internal.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.realtimeagents.agent.internal.live.LiveFrames.Kind;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LiveFramesTest {
    private static final UnpooledByteBufAllocator ALLOCATOR = new UnpooledByteBufAllocator(false);

    @Test
    void messageJsonWrapsTheValueWithoutParsingIt() {
        byte[] json = LiveFrames.messageJson(Kind.BROADCAST, "alerts", "{\"a\":1}".getBytes(StandardCharsets.UTF_8), 0);

        assertThat(new String(json, StandardCharsets.UTF_8))
                .isEqualTo("{\"message_type\":\"broadcast\",\"payload\":{\"topic\":\"alerts\",\"data\":{\"a\":1}},"
                        + "\"timestamp\":\"1970-01-01T00:00:00Z\"}");
    }

    @Test
    void prettyPrintedValuesAreCompacted_andNonJsonRefused() {
        byte[] json = LiveFrames.messageJson(Kind.EVENT, "t", "{\n  \"a\" : 1\n}".getBytes(StandardCharsets.UTF_8), 0);

        assertThat(new String(json, StandardCharsets.UTF_8))
                .contains("\"event\":{\"a\":1}")
                .doesNotContain("\n");
        assertThat(LiveFrames.messageJson(Kind.EVENT, "t", "<xml/>".getBytes(StandardCharsets.UTF_8), 0))
                .isNull();
        assertThat(LiveFrames.messageJson(Kind.EVENT, "t", new byte[0], 0)).isNull();
    }

    @Test
    void webSocketFramesUseTheRightLengthEncoding() {
        ByteBuf small = LiveFrames.webSocketFrame(ALLOCATOR, new byte[125]);
        ByteBuf medium = LiveFrames.webSocketFrame(ALLOCATOR, new byte[126]);
        ByteBuf large = LiveFrames.webSocketFrame(ALLOCATOR, new byte[70_000]);

        assertThat(small.getUnsignedByte(0)).isEqualTo((short) 0x81);
        assertThat(small.getUnsignedByte(1)).isEqualTo((short) 125);
        assertThat(small.readableBytes()).isEqualTo(127);
        assertThat(medium.getUnsignedByte(1)).isEqualTo((short) 126);
        assertThat(medium.getUnsignedShort(2)).isEqualTo(126);
        assertThat(large.getUnsignedByte(1)).isEqualTo((short) 127);
        assertThat(large.getLong(2)).isEqualTo(70_000);
        assertThat(large.readableBytes()).isEqualTo(70_010);
    }

    @Test
    void sseChunksCarryTheChunkSizeTheIdAndTheData() {
        ByteBuf chunk = LiveFrames.sseChunk(ALLOCATOR, "4.2", "{\"x\":1}".getBytes(StandardCharsets.UTF_8));

        String text = chunk.toString(StandardCharsets.UTF_8);
        String body = "id: 4.2\ndata: {\"x\":1}\n\n";
        assertThat(text).isEqualTo(Integer.toHexString(body.length()) + "\r\n" + body + "\r\n");
    }
}
