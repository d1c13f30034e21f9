package io.realtimeagents.common.config;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsers and validators of setting values; each failure says what was expected. */
final class Types {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");
    private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    private static final Pattern HOST_PORT = Pattern.compile("\\[?[A-Za-z0-9._:-]+]?:(\\d{1,5})");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private Types() {}

    static String string(String text) {
        return text;
    }

    static int integer(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a whole number");
        }
    }

    static boolean bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException("expected true or false");
        };
    }

    /** {@code 250ms}, {@code 10s}, {@code 5m}, {@code 1h}, a bare number of milliseconds, or ISO-8601 {@code PT10S}. */
    static Duration duration(String text) {
        Matcher matcher = DURATION.matcher(text.toLowerCase(Locale.ROOT));
        if (matcher.matches()) {
            try {
                long amount = Long.parseLong(matcher.group(1));
                String unit = matcher.group(2) == null ? "ms" : matcher.group(2);
                return switch (unit) {
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofMillis(amount);
                };
            } catch (ArithmeticException | NumberFormatException e) {
                throw new IllegalArgumentException("too long for a duration");
            }
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expected a duration such as 250ms, 10s, 5m or PT10S");
        }
    }

    /** A comma-separated list; blanks dropped. */
    static List<String> list(String text) {
        List<String> items = new ArrayList<>();
        for (String item : text.split(",")) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        return List.copyOf(items);
    }

    /** {@code key=value,key=value}. */
    static Map<String, String> map(String text) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String item : list(text)) {
            int eq = item.indexOf('=');
            if (eq <= 0 || eq == item.length() - 1) {
                throw new IllegalArgumentException(
                        "expected key=value pairs separated by commas, found '" + item + "'");
            }
            entries.put(item.substring(0, eq).trim(), item.substring(eq + 1).trim());
        }
        return Map.copyOf(entries);
    }

    static <T> Function<String, T> choice(Function<String, T> parse, String expected) {
        return text -> {
            try {
                return parse.apply(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("expected " + expected);
            }
        };
    }

    static Function<Integer, String> range(int min, int max) {
        return value -> value < min || value > max ? "must be between " + min + " and " + max : null;
    }

    static String positive(Duration value) {
        return value.isNegative() || value.isZero() ? "must be longer than zero" : null;
    }

    static String notNegative(Duration value) {
        return value.isNegative() ? "must not be negative" : null;
    }

    static String name(String value) {
        return value == null || NAME.matcher(value).matches()
                ? null
                : "must be 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit";
    }

    static String topicProblem(String topic) {
        if (!TOPIC.matcher(topic).matches() || topic.equals(".") || topic.equals("..")) {
            return "'" + topic + "' is not a valid Kafka topic name (1-249 of a-z A-Z 0-9 . _ -)";
        }
        return null;
    }

    static String topics(List<String> topics) {
        return topics.stream()
                .map(Types::topicProblem)
                .filter(p -> p != null)
                .findFirst()
                .orElse(null);
    }

    static String topicTypes(Map<String, String> mapping) {
        return mapping.keySet().stream()
                .map(Types::topicProblem)
                .filter(p -> p != null)
                .findFirst()
                .orElse(null);
    }

    static String deadLetterTopic(String template) {
        return topicProblem(template.replace("{topic}", "t"));
    }

    static String hostPorts(List<String> servers) {
        if (servers.isEmpty()) {
            return "must name at least one broker as host:port";
        }
        for (String server : servers) {
            Matcher matcher = HOST_PORT.matcher(server);
            if (!matcher.matches()) {
                return "'" + server + "' is not host:port (e.g. localhost:9092)";
            }
            int port = Integer.parseInt(matcher.group(1));
            if (port < 1 || port > 65535) {
                return "'" + server + "' has port " + port + ", outside 1-65535";
            }
        }
        return null;
    }

    static String url(String value) {
        if (value == null) {
            return null;
        }
        try {
            URI uri = URI.create(value);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                return "must be an http:// or https:// URL with a host";
            }
            return null;
        } catch (IllegalArgumentException e) {
            return "is not a URL";
        }
    }
}
