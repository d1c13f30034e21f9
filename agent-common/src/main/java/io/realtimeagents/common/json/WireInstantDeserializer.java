package io.realtimeagents.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/**
 * Reads timestamps as producers of the wire contract write them: ISO-8601 with a zone ({@code 2024-01-15T10:30:00Z},
 * {@code ...+00:00}), and also without one, as Python's {@code datetime.isoformat()} writes naive datetimes
 * ({@code 2024-01-15T10:30:00.123456}, taken as UTC). Numbers, and strings of digits, are epoch seconds as Jackson reads them.
 */
final class WireInstantDeserializer extends StdScalarDeserializer<Instant> {
    private static final long serialVersionUID = 1L;

    WireInstantDeserializer() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            return InstantDeserializer.INSTANT.deserialize(parser, context);
        }
        String text = parser.getText().trim();
        if (text.isEmpty()) {
            return null;
        }
        if (isEpochSeconds(text)) {
            return InstantDeserializer.INSTANT.deserialize(parser, context);
        }
        try {
            return parse(text);
        } catch (DateTimeParseException e) {
            return (Instant) context.handleWeirdStringValue(
                    Instant.class, text, "expected an ISO-8601 timestamp such as 2024-01-15T10:30:00Z");
        }
    }

    static Instant parse(String text) {
        String iso =
                text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        try {
            // The common cases, fast: with a zone (Z or an offset), or naive as Python writes it.
            return hasZone(iso) ? Instant.parse(iso) : LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            TemporalAccessor parsed =
                    DateTimeFormatter.ISO_DATE_TIME.parseBest(iso, OffsetDateTime::from, LocalDateTime::from);
            return parsed instanceof OffsetDateTime offset
                    ? offset.toInstant()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        }
    }

    private static boolean hasZone(String iso) {
        char last = iso.charAt(iso.length() - 1);
        return last == 'Z' || last == 'z' || iso.indexOf('+', 10) > 0 || iso.indexOf('-', 10) > 0;
    }

    /** Digits with an optional sign and fraction: epoch seconds. */
    private static boolean isEpochSeconds(String text) {
        int start = text.charAt(0) == '-' ? 1 : 0;
        boolean digits = false;
        boolean dot = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits = true;
            } else if (c == '.' && !dot && digits) {
                dot = true;
            } else {
                return false;
            }
        }
        return digits && text.charAt(text.length() - 1) != '.';
    }
}
