package io.realtimeagents.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Captures every log event of every logger during each test (DEBUG and up, with stack traces) and fails the test when
 * any line holds a fixture secret value. Tests read the captured lines through {@link #lines()}.
 */
public final class NoSecretValuesLogged implements BeforeEachCallback, AfterEachCallback {
    private static final List<String> LINES = new CopyOnWriteArrayList<>();
    private static final ListAppender<ILoggingEvent> APPENDER = new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent event) {
            String text = event.getLevel() + " " + event.getLoggerName() + " " + event.getFormattedMessage();
            if (event.getThrowableProxy() != null) {
                text += "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy());
            }
            LINES.add(text);
        }
    };

    /** The lines logged so far in the current test. */
    static List<String> lines() {
        return List.copyOf(LINES);
    }

    /** Asserts that the text shows no fixture secret value. */
    static void assertNoSecretValueIn(String text) {
        assertNoneOf(text, SecretFixtures.ALL_VALUES);
    }

    private static void assertNoneOf(String text, Set<String> values) {
        for (String value : values) {
            assertThat(text).as("text that must not show secret values").doesNotContain(value);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        LINES.clear();
        Logger root = root();
        if (!APPENDER.isStarted()) {
            APPENDER.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
            APPENDER.start();
        }
        root.addAppender(APPENDER);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        root().detachAppender(APPENDER);
        assertThat(LINES).as("log lines of %s", context.getDisplayName()).isNotNull();
        for (String line : LINES) {
            assertNoneOf(line, SecretFixtures.ALL_VALUES);
        }
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
