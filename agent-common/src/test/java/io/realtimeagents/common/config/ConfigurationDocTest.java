package io.realtimeagents.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/configuration.md} is generated from the declared settings and current. Run with
 * {@code -Dconfiguration.doc.write=true} to write it (see {@link ConfigurationDoc#REGENERATE}).
 */
class ConfigurationDocTest {
    @Test
    void docsConfigurationIsGeneratedFromTheCurrentSettings() throws IOException {
        String expected = ConfigurationDoc.markdown();
        if (Boolean.getBoolean("configuration.doc.write")) {
            Files.writeString(ConfigurationDoc.FILE, expected);
        }
        String actual = Files.exists(ConfigurationDoc.FILE) ? Files.readString(ConfigurationDoc.FILE) : "";

        assertThat(actual)
                .as(
                        "docs/configuration.md is not current with AgentSettings; regenerate it with%n  %s",
                        ConfigurationDoc.REGENERATE)
                .isEqualTo(expected);
    }

    @Test
    void everySettingHasItsRowWithItsDefault() {
        String doc = ConfigurationDoc.markdown();

        for (Setting<?> setting : AgentSettings.all()) {
            assertThat(doc).contains("| `" + setting.env() + "` | `" + setting.property() + "` | ");
        }
        assertThat(doc)
                .contains("| `KAFKA_BOOTSTRAP_SERVERS` | `kafka.bootstrap-servers` | `localhost:9092` |")
                .contains("| `SERVICE_NAME` | `service.name` | the agent class name in kebab-case |")
                .contains("| `PLATFORM_SECRETS_SOURCES` | `platform.secrets-sources` | `kubernetes,files,env` |")
                .contains("&lt;platform&gt;-&lt;service&gt;-secret");
    }
}
