package io.realtimeagents.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's configuration table documents every declared setting, with its property and default. */
class ReadmeConfigurationTableTest {
    @Test
    void readmeTableListsEverySettingWithItsPropertyAndDefault() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));

        for (Setting<?> setting : AgentSettings.all()) {
            String row = "| `" + setting.env() + "` | `" + setting.property() + "` | ";
            assertThat(readme).as("README row of %s", setting.env()).contains(row);
            String rest = readme.substring(readme.indexOf(row) + row.length());
            String documentedDefault = rest.substring(0, rest.indexOf(" |"));
            String expected = setting.defaultText().isEmpty() ? "(none)" : setting.defaultText();
            assertThat(documentedDefault.replace("`", ""))
                    .as("README default of %s", setting.env())
                    .isEqualTo(expected);
        }
    }
}
