package io.realtimeagents.benchmarks.fanout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BroadcasterTest {
    @Test
    void webSocketFramesCarryTheLengthInTheShortestForm() {
        assertHeader(125, 0x81, 125);
        assertHeader(126, 0x81, 126, 0, 126);
        assertHeader(70_000, 0x81, 127, 0, 0, 0, 0, 0, 1, 0x11, 0x70);
    }

    private static void assertHeader(int payload, int... header) {
        byte[] frame = Broadcaster.webSocketTextFrame(new byte[payload]);
        byte[] expected = new byte[header.length];
        for (int i = 0; i < header.length; i++) {
            expected[i] = (byte) header[i];
        }
        assertArrayEquals(expected, Arrays.copyOf(frame, header.length));
        assertEquals(header.length + payload, frame.length);
    }

    @Test
    void httpChunksAreHexLengthLineDataAndLineEnd() {
        byte[] chunk = Broadcaster.httpChunk("id: 7\ndata: {}\n\n".getBytes(StandardCharsets.UTF_8));

        assertEquals("10\r\nid: 7\ndata: {}\n\n\r\n", new String(chunk, StandardCharsets.UTF_8));
    }
}
