package io.realtimeagents.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The settings table: every declared setting is registered, names are unique and follow one rule. */
class AgentSettingsTest {
    @Test
    void everyDeclaredSettingIsRegisteredOnce() throws IllegalAccessException {
        List<Setting<?>> declared = new ArrayList<>();
        for (Field field : AgentSettings.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == Setting.class) {
                declared.add((Setting<?>) field.get(null));
            }
        }

        assertThat(declared).hasSizeGreaterThan(60);
        assertThat(AgentSettings.all()).containsExactlyInAnyOrderElementsOf(declared);
        assertThat(AgentSettings.all()).doesNotHaveDuplicates();
    }

    @Test
    void environmentNamesAndPropertiesAreUnique() {
        List<String> envs = AgentSettings.all().stream().map(Setting::env).toList();
        List<String> properties =
                AgentSettings.all().stream().map(Setting::property).toList();

        assertThat(envs).doesNotHaveDuplicates();
        assertThat(properties).doesNotHaveDuplicates();
    }

    @Test
    void environmentNamesAreDerivedFromTheProperties() {
        assertThat(AgentSettings.all())
                .allSatisfy(setting -> assertThat(setting.env())
                        .as("environment name of %s", setting.property())
                        .isEqualTo(Setting.envName(setting.property())));
    }

    @Test
    void everySettingIsDocumented() {
        assertThat(AgentSettings.all())
                .allSatisfy(setting ->
                        assertThat(setting.doc()).as("doc of %s", setting.env()).isNotBlank());
    }

    @Test
    void defaultTextsAreDerivedFromTheDefaults() {
        assertThat(Setting.describe(Duration.ofSeconds(30))).isEqualTo("30s");
        assertThat(Setting.describe(Duration.ofMillis(200))).isEqualTo("200ms");
        assertThat(Setting.describe(Duration.ofMinutes(5))).isEqualTo("5m");
        assertThat(Setting.describe(Duration.ofHours(1))).isEqualTo("1h");
        assertThat(Setting.describe(List.of())).isEqualTo("(none)");
        assertThat(Setting.describe(List.of("a", "b"))).isEqualTo("a,b");
        assertThat(AgentSettings.PLATFORM_SECRETS_DIR.defaultText()).isEqualTo("/etc/realtime/secrets");
        assertThat(AgentSettings.PLATFORM_SECRETS_SOURCES.defaultText()).isEqualTo("kubernetes,files,env");
    }
}
