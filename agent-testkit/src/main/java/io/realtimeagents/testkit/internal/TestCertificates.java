package io.realtimeagents.testkit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The test kit's TLS material, for tests only: a certificate authority, and a server certificate it signed for
 * {@code localhost} and {@code 127.0.0.1}, valid for a century. Made once with the JDK's {@code keytool} (EC P-256)
 * and shipped in the jar, so starting a broker costs no key generation: {@code server.p12} holds the server's key and
 * chain, {@code ca.pem} the authority's certificate. Never trust this authority outside tests.
 */
final class TestCertificates {
    static final String PASSWORD = "test-kit-only";
    private static final String RESOURCES = "/io/realtimeagents/testkit/tls/";

    private final Path folder;

    private TestCertificates(Path folder) {
        this.folder = folder;
    }

    /** Copies the certificates into the folder, unless they are there already. */
    static TestCertificates in(Path folder) {
        TestCertificates certificates = new TestCertificates(folder);
        try {
            Files.createDirectories(folder);
            certificates.copy("server.p12");
            certificates.copy("ca.pem");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the test certificates to " + folder, e);
        }
        return certificates;
    }

    private void copy(String name) throws IOException {
        Path target = folder.resolve(name);
        if (Files.exists(target)) {
            return;
        }
        try (InputStream in = TestCertificates.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IOException("the test kit jar lacks " + RESOURCES + name);
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    Path serverKeyStore() {
        return folder.resolve("server.p12");
    }

    Path caFile() {
        return folder.resolve("ca.pem");
    }
}
