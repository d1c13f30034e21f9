package io.realtimeagents.common.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No class of the project's main code is over {@value #MAX_LINES} lines unless its Javadoc says why ("Over 300 lines
 * because ..."): a long class is a decision, not an accident. Run from agent-common, it reads every module's sources.
 */
class SourceSizeTest {
    private static final int MAX_LINES = 300;
    private static final String REASON = "Over " + MAX_LINES + " lines because";

    @Test
    void noMainClassIsOver300LinesWithoutAReasonInItsJavadoc() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<Path> sources;
        try (Stream<Path> modules = Files.list(root)) {
            sources = modules.map(module -> module.resolve("src/main/java"))
                    .filter(Files::isDirectory)
                    .flatMap(SourceSizeTest::javaFiles)
                    .toList();
        }
        assertThat(sources).as("the main sources of the modules under " + root).hasSizeGreaterThan(100);

        List<String> unexplained = sources.stream()
                .filter(file -> lines(file).size() > MAX_LINES)
                .filter(file -> !String.join("\n", lines(file)).contains(REASON))
                .map(file -> root.relativize(file) + " (" + lines(file).size() + " lines)")
                .toList();
        assertThat(unexplained)
                .as("classes over %d lines: split them, or say in their Javadoc \"%s ...\"", MAX_LINES, REASON)
                .isEmpty();
    }

    private static Stream<Path> javaFiles(Path directory) {
        try {
            return Files.walk(directory).filter(file -> file.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
