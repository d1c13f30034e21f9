package io.realtimeagents.examples.dashboard;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A headless Chromium driven through the system's {@code chromedriver}, with a fresh profile that is deleted on close.
 * Both executables are taken from the {@code PATH}, so Selenium Manager never tries to download a browser or a
 * driver; where they are missing, {@link #assumeInstalled()} skips the test and says how to install them.
 */
final class HeadlessChromium implements AutoCloseable {
    /**
     * Selenium warns that it has no DevTools classes for this Chromium's version; the test needs none (it sends CDP
     * commands through chromedriver), so the warning is only noise. Held here so that the level sticks.
     */
    private static final java.util.logging.Logger CDP_VERSION_LOG =
            java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    private static final Logger LOG = LoggerFactory.getLogger(HeadlessChromium.class);
    private static final String NOT_INSTALLED = "Browser test skipped: chromium and chromedriver are not on the PATH."
            + " To run it, install the Debian packages chromium and chromium-driver (.ci/run does).";

    /** Page errors and unhandled promise rejections, collected from the first script of every document on. */
    private static final String ERROR_COLLECTOR = """
            window.__dashboardTestErrors = [];
            window.addEventListener('error', e => window.__dashboardTestErrors.push(
                (e.message || 'failed to load ' + (e.target && (e.target.src || e.target.href)))
                + (e.filename ? ' (' + e.filename + ':' + e.lineno + ')' : '')), true);
            window.addEventListener('unhandledrejection', e => window.__dashboardTestErrors.push(
                'unhandled rejection: ' + (e.reason && e.reason.stack || e.reason)));
            """;

    private static final List<String> FLAGS = List.of(
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1440,1000");

    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /**
     * Skips the calling test unless both chromium and chromedriver are on the PATH, saying (in the build's output too,
     * not only in the test report) how to enable it.
     */
    static void assumeInstalled() {
        if (executable("chromium").isEmpty() || executable("chromedriver").isEmpty()) {
            LOG.warn(NOT_INSTALLED);
            Assumptions.abort(NOT_INSTALLED);
        }
    }

    /** Starts chromedriver and a headless Chromium with an empty profile, collecting the console and page errors. */
    static HeadlessChromium launch() {
        CDP_VERSION_LOG.setLevel(Level.SEVERE);
        Path browser = executable("chromium").orElseThrow();
        Path driverExecutable = executable("chromedriver").orElseThrow();
        Path profile = createProfile();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        options.addArguments(FLAGS);
        options.addArguments("--user-data-dir=" + profile);
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driverExecutable.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", ERROR_COLLECTOR));
        return new HeadlessChromium(driver, profile);
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Switches the page between the light and dark colour schemes, as the operating system's setting would. */
    void prefersColorScheme(String scheme) {
        driver.executeCdpCommand(
                "Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    /** Saves a screenshot of the window as a PNG file. */
    void screenshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save the screenshot to " + file, e);
        }
    }

    /** Errors thrown by the page's scripts (or failed script and style loads) since the page was loaded. */
    List<String> pageErrors() {
        Object errors = driver.executeScript("return window.__dashboardTestErrors || ['error collector missing'];");
        return ((List<?>) errors).stream().map(String::valueOf).toList();
    }

    /** Console messages of level SEVERE (console.error, failed requests) since the last call. */
    List<String> severeConsoleMessages() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteProfile();
        }
    }

    private static Optional<Path> executable(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static Path createProfile() {
        try {
            return Files.createTempDirectory("dashboard-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary Chromium profile directory", e);
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
