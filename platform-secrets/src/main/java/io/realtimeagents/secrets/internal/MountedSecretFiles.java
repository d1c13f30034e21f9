package io.realtimeagents.secrets.internal;

import io.realtimeagents.secrets.SecretSource;
import io.realtimeagents.secrets.internal.SourceResult.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Secrets mounted as volumes: {@code <base>/<secret-name>/<key>}, one file per key. Entries starting with a dot are
 * skipped (a Kubernetes volume keeps its data in {@code ..data} and links each key file to it), symbolic links are
 * followed, so a secret updated by the kubelet is read anew.
 */
public final class MountedSecretFiles {
    private final Path base;

    /** Files under the base directory. */
    public MountedSecretFiles(Path base) {
        this.base = base;
    }

    /** The base directory. */
    public Path base() {
        return base;
    }

    /** Reads one secret's directory. */
    public SourceResult read(String name) {
        Path directory = base.resolve(name);
        String where = directory.toString();
        if (!Files.isDirectory(directory)) {
            return SourceResult.notFound(SecretSource.MOUNTED_FILES, Status.ABSENT, where, "no such directory");
        }
        Map<String, String> values = new LinkedHashMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                String key = entry.getFileName().toString();
                if (!key.startsWith(".") && Files.isRegularFile(entry)) {
                    String value = SecretValues.clean(Files.readString(entry, StandardCharsets.UTF_8));
                    if (!value.isEmpty()) {
                        values.put(key, value);
                    }
                }
            }
        } catch (IOException e) {
            return SourceResult.notFound(
                    SecretSource.MOUNTED_FILES,
                    Status.FAILED,
                    where,
                    "cannot be read (" + e.getClass().getSimpleName() + "): check the volume mount");
        }
        if (values.isEmpty()) {
            return SourceResult.notFound(
                    SecretSource.MOUNTED_FILES, Status.ABSENT, where, "directory holds no key file");
        }
        return SourceResult.found(SecretSource.MOUNTED_FILES, values, where);
    }
}
