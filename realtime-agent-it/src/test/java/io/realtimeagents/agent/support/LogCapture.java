package io.realtimeagents.agent.support;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Collects what one logger (or all of them) logs while it is open. */
public final class LogCapture implements AutoCloseable {
    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogCapture(Logger logger) {
        this.logger = logger;
        appender.start();
        logger.addAppender(appender);
    }

    /** Starts capturing every logger: whatever reaches the root logger's appenders, the lines a user would see. */
    public static LogCapture all() {
        return root();
    }

    /** Starts capturing the logger of the given class. */
    public static LogCapture of(Class<?> loggerClass) {
        return new LogCapture((Logger) LoggerFactory.getLogger(loggerClass));
    }

    /** Starts capturing everything logged, by every logger (of the levels enabled). */
    public static LogCapture root() {
        return new LogCapture((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME));
    }

    /** Everything logged so far, one event a line: the formatted message, then its exceptions' classes and messages. */
    public String text() {
        StringBuilder text = new StringBuilder();
        synchronized (appender) {
            for (ILoggingEvent event : appender.list) {
                text.append(event.getFormattedMessage());
                for (IThrowableProxy error = event.getThrowableProxy(); error != null; error = error.getCause()) {
                    text.append(" | ").append(error.getClassName()).append(": ").append(error.getMessage());
                }
                text.append('\n');
            }
        }
        return text.toString();
    }

    /** The formatted messages logged so far. */
    public List<String> messages() {
        synchronized (appender) {
            return appender.list.stream()
                    .map(ILoggingEvent::getFormattedMessage)
                    .toList();
        }
    }

    /** The events logged so far, with level, message and the logged exception. */
    public List<ILoggingEvent> events() {
        synchronized (appender) {
            return List.copyOf(appender.list);
        }
    }

    /** The lines logged so far as a log file would show them: level, logger, thread and message. */
    public List<String> lines() {
        synchronized (appender) {
            return appender.list.stream()
                    .map(event -> event.getLevel() + " " + event.getLoggerName() + " [" + event.getThreadName() + "] "
                            + event.getFormattedMessage())
                    .toList();
        }
    }

    /** The messages logged so far that start with {@code prefix} and mention {@code text}. */
    public List<String> messages(String prefix, String text) {
        return messages().stream()
                .filter(message -> message.startsWith(prefix) && message.contains(text))
                .toList();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
