package io.realtimeagents.testkit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A certificate authority and a server certificate it signed (for {@code localhost} and {@code 127.0.0.1}), made
 * with the JDK's own {@code keytool}, so TLS tests need nothing but a JDK: {@code server.p12} holds the server's key
 * and chain, {@code ca.pem} the authority's certificate.
 */
final class TestCertificates {
    static final String PASSWORD = "test-kit-only";

    private final Path folder;

    private TestCertificates(Path folder) {
        this.folder = folder;
    }

    /** Creates the certificates in the folder, unless they are there already. */
    static TestCertificates in(Path folder) {
        TestCertificates certificates = new TestCertificates(folder);
        if (!Files.exists(certificates.serverKeyStore())) {
            certificates.create();
        }
        return certificates;
    }

    Path serverKeyStore() {
        return folder.resolve("server.p12");
    }

    Path caFile() {
        return folder.resolve("ca.pem");
    }

    private void create() {
        try {
            Files.createDirectories(folder);
            Path ca = folder.resolve("ca.p12");
            Path request = folder.resolve("server.csr");
            Path signed = folder.resolve("server.crt");
            keytool(
                    "-genkeypair",
                    "-alias",
                    "ca",
                    "-keyalg",
                    "EC",
                    "-groupname",
                    "secp256r1",
                    "-dname",
                    "CN=Realtime Agents test kit CA",
                    "-ext",
                    "bc:c",
                    "-validity",
                    "30",
                    "-keystore",
                    ca.toString());
            keytool("-exportcert", "-alias", "ca", "-rfc", "-keystore", ca.toString(), "-file", caFile().toString());
            keytool(
                    "-genkeypair",
                    "-alias",
                    "server",
                    "-keyalg",
                    "EC",
                    "-groupname",
                    "secp256r1",
                    "-dname",
                    "CN=localhost",
                    "-validity",
                    "30",
                    "-keystore",
                    serverKeyStore().toString());
            keytool(
                    "-certreq",
                    "-alias",
                    "server",
                    "-keystore",
                    serverKeyStore().toString(),
                    "-file",
                    request.toString());
            keytool(
                    "-gencert",
                    "-alias",
                    "ca",
                    "-keystore",
                    ca.toString(),
                    "-infile",
                    request.toString(),
                    "-outfile",
                    signed.toString(),
                    "-rfc",
                    "-validity",
                    "30",
                    "-ext",
                    "SAN=dns:localhost,ip:127.0.0.1");
            keytool(
                    "-importcert",
                    "-noprompt",
                    "-alias",
                    "ca",
                    "-file",
                    caFile().toString(),
                    "-keystore",
                    serverKeyStore().toString());
            keytool(
                    "-importcert",
                    "-noprompt",
                    "-alias",
                    "server",
                    "-file",
                    signed.toString(),
                    "-keystore",
                    serverKeyStore().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create test certificates in " + folder, e);
        }
    }

    private static void keytool(String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool " + arguments[0] + " failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("Interrupted while running keytool", e);
        }
    }
}
