package io.realtimeagents.agent.internal.kafka;

import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;

/**
 * The offsets of one partition whose records are handled concurrently: the offset to commit is the lowest record not
 * yet done, and the records done beyond it travel in the commit's metadata, so that a restart or a rebalance hands
 * again only the records that were not done. Thread-safe.
 *
 * <p>The metadata is {@code k1:} followed by ranges of done offsets relative to the committed one, in base 36,
 * separated by {@code .}: {@code k1:2-9.c} after a commit of 100 means 102 to 109 and 112 are done. It stays under
 * {@value #MAX_METADATA} characters (the broker's default limit is 4,096); done records beyond what fits are simply
 * handled again after a restart.
 */
final class OffsetTracker {
    static final int MAX_METADATA = 3_000;
    private static final String PREFIX = "k1:";

    private final TreeSet<Long> unfinished = new TreeSet<>();
    private final TreeSet<Long> doneAhead = new TreeSet<>();
    private long next = -1;

    /** A record was taken for handling. */
    synchronized void started(long offset) {
        unfinished.add(offset);
        next = Math.max(next, offset + 1);
    }

    /** A record is done (handled and its outputs acknowledged, dead-lettered, or done before a restart). */
    synchronized void done(long offset) {
        unfinished.remove(offset);
        next = Math.max(next, offset + 1);
        if (!unfinished.isEmpty() && offset > unfinished.first()) {
            doneAhead.add(offset);
        }
        if (!unfinished.isEmpty()) {
            doneAhead.headSet(unfinished.first()).clear();
        } else {
            doneAhead.clear();
        }
    }

    /** Records taken and not yet done. */
    synchronized int unfinished() {
        return unfinished.size();
    }

    /** Records done beyond the lowest unfinished one: held back from the committed offset. */
    synchronized int doneAhead() {
        return doneAhead.size();
    }

    /** What to commit, or null when no record was taken yet. */
    synchronized OffsetAndMetadata committable() {
        if (next < 0) {
            return null;
        }
        if (unfinished.isEmpty()) {
            return new OffsetAndMetadata(next);
        }
        long base = unfinished.first();
        return new OffsetAndMetadata(base, encode(base, doneAhead));
    }

    /** The metadata of done offsets beyond {@code base}. */
    static String encode(long base, Set<Long> done) {
        StringBuilder text = new StringBuilder(PREFIX);
        long start = -1;
        long end = -1;
        for (long offset : done) {
            if (offset <= base) {
                continue;
            }
            if (start >= 0 && offset == end + 1) {
                end = offset;
                continue;
            }
            if (start >= 0 && !append(text, start - base, end - base)) {
                return text.toString();
            }
            start = offset;
            end = offset;
        }
        if (start >= 0) {
            append(text, start - base, end - base);
        }
        return text.toString();
    }

    private static boolean append(StringBuilder text, long from, long to) {
        String range = from == to ? Long.toString(from, 36) : Long.toString(from, 36) + "-" + Long.toString(to, 36);
        if (text.length() + range.length() + 1 > MAX_METADATA) {
            return false;
        }
        if (text.length() > PREFIX.length()) {
            text.append('.');
        }
        text.append(range);
        return true;
    }

    /**
     * The done offsets a commit's metadata names, absolute; empty when it names none or is not ours (a commit of
     * another tool, or of the {@code partition} ordering).
     */
    static Set<Long> decode(OffsetAndMetadata committed) {
        Set<Long> done = new TreeSet<>();
        if (committed == null
                || committed.metadata() == null
                || !committed.metadata().startsWith(PREFIX)) {
            return done;
        }
        String body = committed.metadata().substring(PREFIX.length());
        if (body.isEmpty()) {
            return done;
        }
        try {
            for (String range : body.split("\\.")) {
                int dash = range.indexOf('-');
                long from = Long.parseLong(dash < 0 ? range : range.substring(0, dash), 36);
                long to = dash < 0 ? from : Long.parseLong(range.substring(dash + 1), 36);
                for (long delta = from; delta <= to; delta++) {
                    done.add(committed.offset() + delta);
                }
            }
        } catch (NumberFormatException e) {
            done.clear(); // not ours after all: handle everything again
        }
        return done;
    }
}
