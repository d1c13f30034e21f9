package io.realtimeagents.benchmarks.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseLinesTest {
    private static final String STREAM =
            "retry: 2000\n\n: heartbeat\n\nid: a-1\ndata: {\"seq\":1}\n\n" + "id: a-2\r\ndata:{\"seq\":2}\r\n\r\n";

    @Test
    void feed_wholeStream_yieldsOnlyDataValues() {
        assertEquals(List.of(" {\"seq\":1}", "{\"seq\":2}"), read(STREAM.length()));
    }

    @Test
    void feed_streamCutAnywhere_yieldsTheSameValues() {
        for (int size = 1; size < STREAM.length(); size++) {
            assertEquals(List.of(" {\"seq\":1}", "{\"seq\":2}"), read(size), "chunks of " + size + " bytes");
        }
    }

    private static List<String> read(int chunkSize) {
        SseLines lines = new SseLines();
        List<String> values = new ArrayList<>();
        byte[] bytes = STREAM.getBytes(StandardCharsets.UTF_8);
        for (int from = 0; from < bytes.length; from += chunkSize) {
            ByteBuf chunk = Unpooled.wrappedBuffer(bytes, from, Math.min(chunkSize, bytes.length - from));
            lines.feed(
                    chunk, (buf, start, end) -> values.add(buf.toString(start, end - start, StandardCharsets.UTF_8)));
        }
        lines.release();
        return values;
    }
}
