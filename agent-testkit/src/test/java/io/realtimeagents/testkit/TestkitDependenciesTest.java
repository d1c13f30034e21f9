package io.realtimeagents.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The kit is built on the runtime's public API only, as a user's tests are. */
class TestkitDependenciesTest {
    @Test
    void mainSources_importNoInternalPackageOfTheRuntime() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            sources = files.filter(file -> file.toString().endsWith(".java")).toList();
        }
        assertThat(sources).as("the kit's main sources").hasSizeGreaterThan(10);
        for (Path source : sources) {
            assertThat(Files.readAllLines(source))
                    .as("imports of %s", source)
                    .noneMatch(line -> line.matches("import (static )?io\\.realtimeagents\\.agent\\.internal\\..*"));
        }
    }
}
