package io.tokenmetrics.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The command line's logging, set up in code: standard error only, WARN unless {@code --debug}.
 * Logback finds it as a service; it acts only in a run of the command line ({@link Main} sets
 * {@value #LEVEL_PROPERTY}) and only when no {@code logback.configurationFile} is given, and
 * otherwise lets logback configure itself as usual, so an application that uses the library
 * with its own logback configuration keeps it. Set up in code rather than from an XML file
 * because reading logback's XML configuration is a tenth of a second of every run.
 */
public final class CliLogging extends ContextAwareBase implements Configurator {
    static final String LEVEL_PROPERTY = "token-metrics.log";

    /** For logback's service loader. */
    public CliLogging() {
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        String level = System.getProperty(LEVEL_PROPERTY);
        if (level == null || System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        LayoutBase<ILoggingEvent> layout = new LayoutBase<ILoggingEvent>() {
            @Override
            public String doLayout(ILoggingEvent e) {
                String name = e.getLoggerName();
                return e.getLevel() + " " + name.substring(name.lastIndexOf('.') + 1) + ": " + e.getFormattedMessage()
                        + System.lineSeparator();
            }
        };
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("stderr");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(level, Level.WARN));
        root.addAppender(stderr);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
