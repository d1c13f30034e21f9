package io.realtimeagents.examples.deploy;

import io.kubernetes.client.util.ModelMapper;
import io.kubernetes.client.util.Yaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The deploy/ directory and its manifests: Kubernetes kinds the official client knows become typed objects (e.g.
 * {@code V1Deployment}); custom resources (Strimzi, Prometheus Operator, KubeVela) and Kustomizations stay maps.
 */
final class Manifests {
    /** The deploy/ directory, seen from the examples module. */
    static final Path DEPLOY = Path.of("..", "deploy").toAbsolutePath().normalize();

    private static final Pattern BACKTICKED = Pattern.compile("`([A-Z][A-Z0-9_]*)`");

    private Manifests() {}

    /** One YAML document of a file: the typed object when the client knows its kind, else the generic map. */
    record Document(Path file, Map<String, Object> map, Object typed) {
        String kind() {
            return String.valueOf(map.get("kind"));
        }

        String apiVersion() {
            return String.valueOf(map.get("apiVersion"));
        }

        @SuppressWarnings("unchecked")
        String name() {
            Object metadata = map.get("metadata");
            return metadata instanceof Map<?, ?> m ? String.valueOf(((Map<String, Object>) m).get("name")) : null;
        }
    }

    /** Every YAML file under deploy/. */
    static List<Path> yamlFiles() {
        try (Stream<Path> files = Files.walk(DEPLOY)) {
            return files.filter(file ->
                            file.toString().endsWith(".yaml") || file.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The documents of a file. */
    static List<Document> documents(Path file) {
        try {
            return documents(file, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The documents of YAML text (e.g. what kubectl kustomize printed). */
    @SuppressWarnings("unchecked")
    static List<Document> documents(Path file, String text) {
        List<Document> documents = new ArrayList<>();
        org.yaml.snakeyaml.Yaml generic = new org.yaml.snakeyaml.Yaml(new SafeConstructor(new LoaderOptions()));
        for (Object loaded : generic.loadAll(text)) {
            if (loaded == null) {
                continue;
            }
            Map<String, Object> map = (Map<String, Object>) loaded;
            Object typed = null;
            Class<?> type =
                    ModelMapper.getApiTypeClass(String.valueOf(map.get("apiVersion")), String.valueOf(map.get("kind")));
            // Unknown kinds map to a dynamic object; only the generated models are typed.
            if (type != null && type.getPackageName().equals("io.kubernetes.client.openapi.models")) {
                try {
                    typed = Yaml.load(generic.dump(map));
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot parse a " + map.get("kind") + " of " + file, e);
                }
            }
            documents.add(new Document(file, map, typed));
        }
        return documents;
    }

    /** Every document of every file under deploy/. */
    static List<Document> all() {
        return yamlFiles().stream().flatMap(file -> documents(file).stream()).toList();
    }

    /** The typed objects of one class among the documents. */
    static <T> List<T> typed(List<Document> documents, Class<T> type) {
        return documents.stream()
                .map(Document::typed)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    /** The documents of one kind. */
    static List<Document> ofKind(List<Document> documents, String kind) {
        return documents.stream().filter(d -> d.kind().equals(kind)).toList();
    }

    /** A file's text. */
    static String read(String relative) {
        try {
            return Files.readString(DEPLOY.resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Environment-variable-like names in backticks in deploy/README.md: the documented extras. */
    static Set<String> namesDocumentedInReadme() {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = BACKTICKED.matcher(read("README.md"));
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** Follows a path of map keys. */
    @SuppressWarnings("unchecked")
    static <T> T at(Map<String, Object> map, String... keys) {
        Object current = map;
        for (String key : keys) {
            current = ((Map<String, Object>) current).get(key);
        }
        return (T) current;
    }
}
