package io.realtimeagents.benchmarks.fanout;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Splits an SSE stream, arriving in chunks cut anywhere, into its {@code data:} lines; {@code id:}, {@code retry:},
 * comment ({@code : heartbeat}) and blank lines are skipped. A line cut by a chunk boundary waits in a small buffer
 * of its own for its end; whole lines are read where they lie. One per connection, used on its event loop.
 */
final class SseLines {
    /** Receives the value of each {@code data:} line, bytes {@code [from, to)} of {@code buf} (valid in the call). */
    interface Sink {
        void data(ByteBuf buf, int from, int to);
    }

    private static final int DATA_PREFIX = "data:".length();

    private ByteBuf partial;

    /** Reads the complete lines of {@code chunk} (after the partial line of earlier chunks), keeps the rest. */
    void feed(ByteBuf chunk, Sink sink) {
        int from = chunk.readerIndex();
        int end = chunk.writerIndex();
        int newline = chunk.indexOf(from, end, (byte) '\n');
        if (partial != null && newline >= 0) {
            partial.writeBytes(chunk, from, newline - from);
            line(partial, partial.readerIndex(), partial.writerIndex(), sink);
            partial.release();
            partial = null;
            from = newline + 1;
            newline = chunk.indexOf(from, end, (byte) '\n');
        }
        while (newline >= 0) {
            line(chunk, from, newline, sink);
            from = newline + 1;
            newline = chunk.indexOf(from, end, (byte) '\n');
        }
        if (from < end) {
            if (partial == null) {
                partial = Unpooled.buffer(end - from);
            }
            partial.writeBytes(chunk, from, end - from);
        }
    }

    /** Frees the partial line, if any. */
    void release() {
        if (partial != null) {
            partial.release();
            partial = null;
        }
    }

    private static void line(ByteBuf buf, int from, int to, Sink sink) {
        if (to > from && buf.getByte(to - 1) == '\r') {
            to--;
        }
        if (to - from >= DATA_PREFIX
                && buf.getByte(from) == 'd'
                && buf.getByte(from + 1) == 'a'
                && buf.getByte(from + 2) == 't'
                && buf.getByte(from + 3) == 'a'
                && buf.getByte(from + 4) == ':') {
            sink.data(buf, from + DATA_PREFIX, to);
        }
    }
}
