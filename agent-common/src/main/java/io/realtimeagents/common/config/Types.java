package io.realtimeagents.common.config;

import io.realtimeagents.common.internal.live.TopicPermissions;
import io.realtimeagents.common.live.WebSocketEndpoint;
import io.realtimeagents.common.mqtt.MqttBridge;
import io.realtimeagents.common.mqtt.MqttSubscription;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.stream.Collectors;

/**
 * Parsers and validators of setting values; each failure says what was expected.
 *
 * <p>Over 300 lines because it is the catalogue of every value type a setting can have, each parser beside its
 * validator and message.
 */
final class Types {
    private static final Pattern BYTES = Pattern.compile("(\\d{1,10})\\s*([KMG](?:I?B)?|B)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");
    private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    private static final Pattern HOST_PORT = Pattern.compile("\\[?[A-Za-z0-9._:-]+]?:(\\d{1,5})");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._:\\[\\]-]{1,253}");
    private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.\\[\\]:-]+");
    private static final Pattern TASK_TYPE = Pattern.compile("\\*|[A-Za-z0-9._:-]{1,200}");
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final long MAX_SESSION_EXPIRY_SECONDS = 0xFFFF_FFFEL;
    /** The value of {@code MQTT_SHARED_GROUP} that turns shared subscriptions off. */
    static final String NO_SHARED_GROUP = "none";

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

    /** A size: {@code 1048576}, {@code 512KiB}/{@code 512K}, {@code 4MiB}/{@code 4M}, {@code 1GiB}/{@code 1G}. */
    static int bytes(String text) {
        Matcher matcher = BYTES.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("expected a size in bytes such as 1048576, 512KiB or 4MiB");
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit =
                matcher.group(2) == null ? "" : matcher.group(2).substring(0, 1).toUpperCase(Locale.ROOT);
        long factor = switch (unit) {
            case "K" -> 1024L;
            case "M" -> 1024L * 1024;
            case "G" -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        if (amount > Integer.MAX_VALUE / factor) {
            throw new IllegalArgumentException("too large: at most 2GiB");
        }
        return (int) (amount * factor);
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

    /** Each a service name: the first bad one is reported. */
    static String names(List<String> names) {
        return names.stream()
                .filter(item -> name(item) != null)
                .map(item -> "'" + item + "' " + name(item))
                .findFirst()
                .orElse(null);
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

    /** Comma-separated WebSocket endpoints; every bad entry is reported. */
    static List<WebSocketEndpoint> webSocketEndpoints(String text) {
        return parseEach(text, WebSocketEndpoint::parse);
    }

    static String jwtSecret(String value) {
        return value == null || value.length() >= 32 ? null : "must be at least 32 characters (256 bits) long";
    }

    /**
     * {@code <key>=<pattern>|<pattern>[;tasks=<type>|<type>][;scope=status],...}: keys of at least 16 characters,
     * valid topic patterns and task types, known options.
     */
    static String apiKeys(String value) {
        if (value == null) {
            return null;
        }
        int index = 0;
        for (String entry : list(value)) {
            index++;
            int eq = entry.indexOf('=');
            if (eq < 16) {
                return "entry " + index + " must be <key>=<topic>|<topic> with a key of at least 16 characters";
            }
            String[] parts = entry.substring(eq + 1).split(";", -1);
            try {
                if (!parts[0].isBlank()) {
                    TopicPermissions.of(List.of(parts[0].split("\\|")));
                }
            } catch (IllegalArgumentException e) {
                return "entry " + index + ": " + e.getMessage();
            }
            for (int i = 1; i < parts.length; i++) {
                String problem = apiKeyOption(parts[i].trim());
                if (problem != null) {
                    return "entry " + index + ": " + problem;
                }
            }
        }
        return null;
    }

    private static String apiKeyOption(String option) {
        if (option.startsWith("tasks=")) {
            for (String type : option.substring("tasks=".length()).split("\\|")) {
                if (!type.isBlank() && !TASK_TYPE.matcher(type.trim()).matches()) {
                    return "'" + type.trim() + "' is not a task type: use letters, digits, '.', '_', ':', '-', or *";
                }
            }
            return null;
        }
        if (option.startsWith("scope=")) {
            for (String scope : option.substring("scope=".length()).split("\\|")) {
                if (!scope.isBlank() && !scope.trim().equals("status")) {
                    return "unknown scope '" + scope.trim() + "': the only scope is status";
                }
            }
            return null;
        }
        // not quoted: a mistyped separator could make it a key
        return "an option after ';' is neither tasks=<type>|<type> nor scope=status";
    }

    static String origins(List<String> origins) {
        for (String origin : origins) {
            if (!ORIGIN.matcher(origin).matches()) {
                return "'" + origin + "' is not an origin: expected scheme://host[:port] without a path, e.g."
                        + " https://dashboard.example.com";
            }
        }
        return null;
    }

    /** Comma-separated MQTT subscriptions; every bad entry is reported. */
    static List<MqttSubscription> mqttSubscriptions(String text) {
        return parseEach(text, MqttSubscription::parse);
    }

    /** Comma-separated MQTT-to-Kafka bridges; every bad entry is reported. */
    static List<MqttBridge> mqttBridges(String text) {
        return parseEach(text, MqttBridge::parse);
    }

    private static <T> List<T> parseEach(String text, Function<String, T> parse) {
        List<T> values = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String entry : list(text)) {
            try {
                values.add(parse.apply(entry));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.stream().collect(Collectors.joining("; ")));
        }
        return List.copyOf(values);
    }

    static String host(String value) {
        return value == null || HOST.matcher(value).matches()
                ? null
                : "'" + value + "' is not a host name or address (give the port separately, without a scheme)";
    }

    static String mqttClientId(String value) {
        return value == null || CLIENT_ID.matcher(value).matches()
                ? null
                : "must be 1-128 letters, digits, '.', '_', ':' or '-'";
    }

    static String sessionExpiry(Duration value) {
        if (value.isNegative()) {
            return "must not be negative";
        }
        return value.getSeconds() > MAX_SESSION_EXPIRY_SECONDS ? "must be at most 4294967294 seconds (MQTT 5)" : null;
    }

    static String wholeSeconds(Duration value) {
        if (value.getSeconds() < 1 || value.getNano() != 0) {
            return "must be a whole number of seconds, at least 1s";
        }
        return value.getSeconds() > Integer.MAX_VALUE ? "is too long" : null;
    }

    static String mqttRecordTopic(String value) {
        if (value == null || value.equals(NO_SHARED_GROUP)) {
            return null;
        }
        if (value.isBlank() || value.contains("+") || value.contains("#") || value.startsWith("$")) {
            return "must be an MQTT topic without wildcards, not starting with $, or none";
        }
        return null;
    }

    static String sharedGroup(String value) {
        if (value == null || value.equals(NO_SHARED_GROUP)) {
            return null;
        }
        String problem = name(value);
        return problem == null ? null : problem + ", or none to subscribe unshared";
    }

    static String readableFile(String value) {
        if (value == null) {
            return null;
        }
        Path path = Path.of(value);
        return Files.isRegularFile(path) && Files.isReadable(path) ? null : "is not a readable file";
    }
}
