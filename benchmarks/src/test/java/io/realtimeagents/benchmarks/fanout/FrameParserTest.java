package io.realtimeagents.benchmarks.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FrameParserTest {
    private final FrameParser parser = new FrameParser();

    @Test
    void parse_theBenchmarkMessage_readsSeqAndSentNanos() {
        long sent = System.nanoTime();
        ByteBuf buf = Unpooled.directBuffer().writeBytes(BenchMessage.json(4_321, sent));
        assertTrue(parser.parse(buf, buf.readerIndex(), buf.writerIndex()));
        assertEquals(4_321, parser.seq());
        assertEquals(sent, parser.sentNanos());
    }

    @Test
    void parse_keysInAnyOrderWithSpacesAndNegativeNumbers_readsThem() {
        ByteBuf buf = bytes("{\"data\":{\"pad\":\"x\",\"sent_nanos\": -987654321,\"seq\": 7}}");
        assertTrue(parser.parse(buf, 0, buf.writerIndex()));
        assertEquals(7, parser.seq());
        assertEquals(-987_654_321, parser.sentNanos());
    }

    @Test
    void parse_otherMessages_findNoSeq() {
        ByteBuf confirmation = Unpooled.wrappedBuffer(BenchMessage.subscriptionConfirmed());
        assertFalse(parser.parse(confirmation, 0, confirmation.writerIndex()));
        ByteBuf similar = bytes("{\"message_seq\":3,\"seq\":\"text\"}");
        assertFalse(parser.parse(similar, 0, similar.writerIndex()));
        assertEquals(FrameParser.ABSENT, parser.seq());
    }

    @Test
    void parse_range_limitsTheSearch() {
        ByteBuf buf = bytes("xx{\"seq\":12345}yy");
        int start = 2;
        assertTrue(parser.parse(buf, start, buf.writerIndex() - 2));
        assertEquals(12_345, parser.seq());
        assertTrue(parser.parse(buf, start, start + "{\"seq\":12".length()));
        assertEquals(12, parser.seq(), "digits past the end are not read");
        assertFalse(parser.parse(buf, start + 2, buf.writerIndex()), "a key cut by the start is not found");
    }

    @Test
    void parse_messageLongerThanTheScratchArray_isRead() {
        String pad = "p".repeat(5_000);
        ByteBuf buf = bytes("{\"pad\":\"" + pad + "\",\"seq\":99,\"sent_nanos\":5}");
        assertTrue(parser.parse(buf, 0, buf.writerIndex()));
        assertEquals(99, parser.seq());
        assertEquals(5, parser.sentNanos());
    }

    private static ByteBuf bytes(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
    }
}
