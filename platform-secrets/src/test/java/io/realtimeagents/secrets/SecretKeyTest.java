package io.realtimeagents.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.common.config.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The key table: names, aliases, settings, and its documentation in deploy/README.md. */
class SecretKeyTest {
    @Test
    void environmentStyleKeysAreTheSettingsEnvironmentVariables() {
        for (SecretKey key : SecretKey.values()) {
            assertThat(key.key()).startsWith(key.service().name() + "_");
            key.setting().ifPresent(setting -> assertThat(setting.env()).isEqualTo(key.key()));
        }
    }

    @Test
    void everyReferenceEnvironmentNameIsASecretKey() {
        List<String> reference = List.of(
                "KAFKA_BOOTSTRAP_SERVERS",
                "KAFKA_SCHEMA_REGISTRY_URL",
                "MQTT_HOST",
                "MQTT_PORT",
                "MQTT_USER",
                "MQTT_PASSWORD",
                "DB_HOST",
                "DB_NAME",
                "DB_USER",
                "DB_PASSWORD",
                "METABASE_URL",
                "LENSES_URL");
        for (String name : reference) {
            SecretKey key = SecretKey.valueOf(name);
            Setting<?> setting = key.setting().orElseThrow();
            assertThat(AgentSettings.all()).contains(setting);
        }
    }

    @Test
    void aliasesAreFoundPerServiceAndNeverShared() {
        assertThat(SecretKey.find(PlatformService.KAFKA, "bootstrap.servers"))
                .contains(SecretKey.KAFKA_BOOTSTRAP_SERVERS);
        assertThat(SecretKey.find(PlatformService.KAFKA, "password")).contains(SecretKey.KAFKA_SASL_PASSWORD);
        assertThat(SecretKey.find(PlatformService.MQTT, "password")).contains(SecretKey.MQTT_PASSWORD);
        assertThat(SecretKey.find(PlatformService.DB, "database")).contains(SecretKey.DB_NAME);
        assertThat(SecretKey.find(PlatformService.MQTT, "bootstrap.servers")).isEmpty();
        for (PlatformService service : PlatformService.values()) {
            List<String> names = SecretKey.of(service).stream()
                    .flatMap(key -> key.names().stream())
                    .toList();
            assertThat(names).as("names of %s", service).doesNotHaveDuplicates();
        }
    }

    @Test
    void deployReadmeDocumentsEveryKeyWithItsAliases() throws IOException {
        String readme = Files.readString(Path.of("..", "deploy", "README.md"));
        for (SecretKey key : SecretKey.values()) {
            String aliases = key.aliases().stream().map(a -> "`" + a + "`").collect(Collectors.joining(", "));
            String row = "| " + key.service().id() + " | `" + key.key() + "` | " + aliases + " | ";
            assertThat(readme).as("deploy/README.md row of %s", key).contains(row);
        }
    }
}
