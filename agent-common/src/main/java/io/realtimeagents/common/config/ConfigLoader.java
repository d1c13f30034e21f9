package io.realtimeagents.common.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.realtimeagents.common.ConfigurationException;
import io.realtimeagents.common.internal.Checks;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.StringJoiner;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads an {@link AgentConfig} from its sources, each overriding the ones before it:
 *
 * <ol>
 *   <li>built-in defaults (and fallbacks given with {@link #withFallback});
 *   <li>{@code application.yml} on the class path, or the file named by {@link AgentSettings#REALTIME_CONFIG_FILE}
 *       (an environment variable, system property or command-line argument);
 *   <li>environment variables ({@code KAFKA_BOOTSTRAP_SERVERS});
 *   <li>system properties and command-line arguments ({@code -Dkafka.bootstrap-servers=...},
 *       {@code --kafka.bootstrap-servers=...}).
 * </ol>
 *
 * <p>Platform secrets, loaded by the {@code platform-secrets} module, override all of these.
 */
public final class ConfigLoader {
    /** Environment variable naming a YAML file to read instead of the class path's {@code application.yml}. */
    public static final String CONFIG_FILE_ENV = AgentSettings.REALTIME_CONFIG_FILE.env();

    private static final String CONSUMER_ENV_PREFIX = "KAFKA_CONSUMER_";
    private static final String PRODUCER_ENV_PREFIX = "KAFKA_PRODUCER_";

    private Map<String, String> environment = System.getenv();
    private Map<String, String> systemProperties = copy(System.getProperties());
    private final Map<String, String> arguments = new LinkedHashMap<>();
    private final Map<Setting<?>, String> fallbacks = new LinkedHashMap<>();
    private Path applicationFile;
    private boolean classPathFile = true;

    private ConfigLoader() {}

    /** A loader reading the process environment, system properties and the class path's {@code application.yml}. */
    public static ConfigLoader standard() {
        return new ConfigLoader();
    }

    /** Reads these environment variables instead of the process's. */
    public ConfigLoader withEnvironment(Map<String, String> variables) {
        this.environment = Map.copyOf(variables);
        return this;
    }

    /** Reads these system properties instead of the JVM's. */
    public ConfigLoader withSystemProperties(Map<String, String> properties) {
        this.systemProperties = Map.copyOf(properties);
        return this;
    }

    /** Adds command-line arguments of the form {@code --property=value}; other arguments are ignored. */
    public ConfigLoader withArguments(String... args) {
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 2) {
                arguments.put(arg.substring(2, eq), arg.substring(eq + 1));
            }
        }
        return this;
    }

    /** Reads this YAML file instead of the class path's {@code application.yml}. */
    public ConfigLoader withApplicationFile(Path file) {
        this.applicationFile = Checks.notNull(file, "file");
        return this;
    }

    /** Ignores {@code application.yml} on the class path. */
    public ConfigLoader withoutClassPathFile() {
        this.classPathFile = false;
        return this;
    }

    /** A value used when no source sets the setting, e.g. a service name derived from the agent class. */
    public ConfigLoader withFallback(Setting<?> setting, String value) {
        fallbacks.put(setting, value);
        return this;
    }

    /** Loads and validates the configuration. */
    public AgentConfig load() {
        return builder().build();
    }

    /** A builder holding every value found, for code that wants to change some before validation. */
    public AgentConfig.Builder builder() {
        AgentConfig.Builder builder = AgentConfig.builder();
        fallbacks.forEach((setting, value) -> builder.parse(setting, value, "default"));
        Map<String, String> file = applicationProperties();
        String fileName = applicationFileName();
        List<Source> sources = List.of(
                new Source(file, "", fileName),
                new Source(environment, "env", "environment variable"),
                new Source(systemProperties, "", "system property"),
                new Source(arguments, "", "command-line argument"));
        for (Source source : sources) {
            apply(source, builder);
        }
        return builder;
    }

    private void apply(Source source, AgentConfig.Builder builder) {
        boolean env = source.kind.equals("env");
        for (Setting<?> setting : AgentSettings.all()) {
            String key = env ? setting.env() : setting.property();
            String value = source.values.get(key);
            if (value != null) {
                builder.parse(setting, value, source.describe(key));
            }
        }
        source.values.forEach((key, value) -> {
            String name;
            if (env && (name = suffix(key, CONSUMER_ENV_PREFIX)) != null) {
                builder.kafkaConsumerProperty(envToKafka(name), value);
            } else if (env && (name = suffix(key, PRODUCER_ENV_PREFIX)) != null) {
                builder.kafkaProducerProperty(envToKafka(name), value);
            } else if (!env && (name = suffix(key, AgentSettings.KAFKA_CONSUMER_PREFIX)) != null) {
                builder.kafkaConsumerProperty(name, value);
            } else if (!env && (name = suffix(key, AgentSettings.KAFKA_PRODUCER_PREFIX)) != null) {
                builder.kafkaProducerProperty(name, value);
            }
        });
    }

    /** The part of the key after the prefix, or null when the key lacks the prefix or nothing follows it. */
    private static String suffix(String key, String prefix) {
        return key.startsWith(prefix) && key.length() > prefix.length() ? key.substring(prefix.length()) : null;
    }

    /** {@code MAX_POLL_RECORDS} becomes {@code max.poll.records}. */
    static String envToKafka(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    private String applicationFileName() {
        if (applicationFile != null) {
            return applicationFile.getFileName().toString();
        }
        String named = namedConfigFile();
        return named != null ? Path.of(named).getFileName().toString() : "application.yml";
    }

    /** The file named by {@code REALTIME_CONFIG_FILE} in the sources other than the file, the last one winning. */
    private String namedConfigFile() {
        Setting<String> setting = AgentSettings.REALTIME_CONFIG_FILE;
        String named = null;
        for (String value : new String[] {
            environment.get(setting.env()), systemProperties.get(setting.property()), arguments.get(setting.property())
        }) {
            if (value != null && !value.isBlank()) {
                named = value.trim();
            }
        }
        return named;
    }

    private Map<String, String> applicationProperties() {
        Path file = applicationFile;
        String named = namedConfigFile();
        if (file == null && named != null) {
            file = Path.of(named);
        }
        if (file != null) {
            if (!Files.isReadable(file)) {
                String namedBy =
                        applicationFile != null ? "given to withApplicationFile" : "named by " + CONFIG_FILE_ENV;
                throw new ConfigurationException("Cannot read the configuration file " + file.toAbsolutePath() + " ("
                        + namedBy + "): check that it exists and is readable");
            }
            try (InputStream in = Files.newInputStream(file)) {
                return flattenYaml(in, file.toString());
            } catch (IOException e) {
                throw new ConfigurationException("Cannot read the configuration file " + file + ": " + e.getMessage());
            }
        }
        if (!classPathFile) {
            return Map.of();
        }
        for (String name : List.of("application.yml", "application.yaml")) {
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name)) {
                if (in != null) {
                    return flattenYaml(in, name + " on the class path");
                }
            } catch (IOException e) {
                throw new ConfigurationException("Cannot read " + name + " on the class path: " + e.getMessage());
            }
        }
        return Map.of();
    }

    /** Nested YAML keys become dotted properties; lists become comma-separated values. */
    static Map<String, String> flattenYaml(InputStream in, String name) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new ConfigurationException("Malformed YAML in " + name + yamlProblem(e)
                    + ": fix the YAML syntax (indent nested keys with spaces, quote values containing ': ')");
        }
        Map<String, String> flat = new HashMap<>();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return flat;
        }
        if (!root.isObject()) {
            throw new ConfigurationException("Malformed configuration in " + name + ": expected a mapping of settings"
                    + " such as 'kafka: {bootstrap-servers: localhost:9092}', found a top-level "
                    + root.getNodeType().toString().toLowerCase(Locale.ROOT));
        }
        flatten("", root, flat);
        return flat;
    }

    /**
     * Where and what the YAML problem is, without the parser's excerpt of the offending line: that line may hold a
     * secret.
     */
    private static String yamlProblem(IOException e) {
        StringBuilder text = new StringBuilder();
        if (e instanceof JsonProcessingException jpe && jpe.getLocation() != null) {
            text.append(" at line ")
                    .append(jpe.getLocation().getLineNr())
                    .append(", column ")
                    .append(jpe.getLocation().getColumnNr());
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYAMLException yaml) {
                text.append(" (");
                if (yaml.getContext() != null) {
                    text.append(yaml.getContext()).append(": ");
                }
                return text.append(yaml.getProblem()).append(")").toString();
            }
        }
        return text.toString();
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> flat) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), flat);
            }
        } else if (node.isArray()) {
            StringJoiner joined = new StringJoiner(",");
            node.forEach(item -> joined.add(item.asText()));
            flat.put(prefix, joined.toString());
        } else if (!node.isNull()) {
            flat.put(prefix, node.asText());
        }
    }

    private static Map<String, String> copy(Properties properties) {
        Map<String, String> copy = new HashMap<>();
        for (String name : new ArrayList<>(properties.stringPropertyNames())) {
            copy.put(name, properties.getProperty(name));
        }
        return copy;
    }

    private record Source(Map<String, String> values, String kind, String description) {
        String describe(String key) {
            return kind.equals("env") || description.startsWith("system") || description.startsWith("command")
                    ? description + " " + key
                    : description;
        }
    }
}
