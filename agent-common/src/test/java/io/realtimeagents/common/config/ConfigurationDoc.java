package io.realtimeagents.common.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code docs/configuration.md} from the declared settings ({@link AgentSettings#all()}): for each its
 * environment variable, property, default and description. {@link ConfigurationDocTest} fails when the file is not
 * current; {@value #REGENERATE} writes it again.
 */
final class ConfigurationDoc {
    /** The command that regenerates the file, from the repository's root. */
    static final String REGENERATE =
            "./mvnw -q -pl agent-common test -Dtest=ConfigurationDocTest -Dconfiguration.doc.write=true";

    /** The generated file, relative to the agent-common module (the tests' working directory). */
    static final Path FILE = Path.of("..", "docs", "configuration.md");

    private ConfigurationDoc() {}

    /** Writes the file; the first argument, when given, is where. */
    public static void main(String[] args) throws IOException {
        Path file = args.length > 0 ? Path.of(args[0]) : FILE;
        Files.writeString(file, markdown());
    }

    /** The Markdown text of the file. */
    static String markdown() {
        StringBuilder text = new StringBuilder();
        text.append("# Configuration\n\n")
                .append("<!-- Generated from AgentSettings by ConfigurationDoc: do not edit by hand. Regenerate with\n")
                .append("     ")
                .append(REGENERATE)
                .append(" -->\n\n")
                .append("""
                Each setting can be given, from lowest to highest precedence, as a built-in default, in `application.yml` on the
                class path (or the YAML file named by `REALTIME_CONFIG_FILE`), as an environment variable, or as a system
                property / `--property=value` argument. Platform secrets, when `REALTIME_PLATFORM` names a platform, override them
                all: the Kafka secret is required when realtime is enabled, the MQTT secret when the configuration subscribes or
                bridges (`MQTT_SUBSCRIPTIONS`, `MQTT_BRIDGES`), the others are optional; see [deployment](deployment.md) and
                [deploy/README.md](../deploy/README.md) for the secret keys, the sources (Kubernetes API, mounted files,
                environment) and the RBAC the agent needs. A secret that is present is applied even when its service is optional,
                so an MQTT secret on the platform connects the agent to MQTT. `REALTIME_CONFIG_FILE` is read before the YAML
                file (as an environment variable, system property or argument); `PLATFORM_SECRETS_DIR` and
                `PLATFORM_SECRETS_SOURCES` may be given in any of the ways above, like every other setting.

                Everything is validated at start-up, before any broker is contacted, and every problem is reported at once,
                naming the setting and where its value came from:

                ```
                Invalid configuration (2 problems):
                  - Invalid value localhost for configuration KAFKA_BOOTSTRAP_SERVERS (property kafka.bootstrap-servers, from environment variable KAFKA_BOOTSTRAP_SERVERS): 'localhost' is not host:port (e.g. localhost:9092)
                  - Invalid value -1 for configuration HANDLER_MAX_RETRIES (property handler.max-retries, from environment variable HANDLER_MAX_RETRIES): must be between 0 and 1000
                ```

                | Environment variable | Property | Default | Description |
                |---|---|---|---|
                """);
        for (Setting<?> setting : AgentSettings.all()) {
            text.append("| `")
                    .append(setting.env())
                    .append("` | `")
                    .append(setting.property())
                    .append("` | ")
                    .append(defaultCell(setting))
                    .append(" | ")
                    .append(escape(setting.doc()))
                    .append(" |\n");
        }
        text.append("""

                Durations accept `250ms`, `10s`, `5m`, `1h`, a bare number of milliseconds, or ISO-8601 (`PT10S`). Secrets
                (`*_PASSWORD`, `LIVE_AUTH_JWT_SECRET`, `LIVE_AUTH_API_KEYS`) never appear in logs, errors, `toString()` or
                status endpoints.

                Any Kafka client property can be passed through: `KAFKA_CONSUMER_MAX_POLL_RECORDS=500` (property
                `kafka.consumer.max.poll.records`) or `KAFKA_PRODUCER_LINGER_MS=20` (`kafka.producer.linger.ms`; the agent's
                default is 5 ms, and live broadcasts always go at once). Unknown names fail at start-up; `enable.auto.commit`,
                the (de)serializers and `acks` other than `all` are refused because the delivery guarantees rest on them.
                Consumers use cooperative rebalancing unless `KAFKA_CONSUMER_GROUP_PROTOCOL=consumer` selects the new group
                protocol.
                """);
        return text.toString();
    }

    /** A concrete default in backticks; a described one ("the service name", "(none)") as text. */
    private static String defaultCell(Setting<?> setting) {
        String shown = setting.defaultText().isEmpty() ? "(none)" : setting.defaultText();
        boolean literal = setting.defaultValue() != null && !shown.startsWith("(") && !shown.contains(" ");
        return literal ? "`" + shown + "`" : escape(shown);
    }

    /** Text safe in a Markdown table cell: no column breaks, no HTML tags. */
    private static String escape(String text) {
        return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
    }
}
