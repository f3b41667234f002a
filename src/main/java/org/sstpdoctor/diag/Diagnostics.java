package org.sstpdoctor.diag;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Diagnostics for {@code --debug}: what SSTP Doctor did, step by step, written to standard error or
 * a log file. The code logs through {@link System.Logger} ({@link #logger}); this class turns SSTP
 * Doctor's loggers on (they are silent below warnings otherwise) and points them at one sink, for
 * the command line and the wizard alike. Nothing logged carries a secret: passwords are
 * {@link org.sstpdoctor.probe.Secret}s, which print as a mask, and log lines say only whether one
 * was given.
 */
public final class Diagnostics {
    /** The root of SSTP Doctor's logger names. */
    public static final String ROOT = "org.sstpdoctor";

    /** Kept strongly: java.util.logging forgets the settings of a logger nobody references. */
    private static final Logger ROOT_LOGGER = Logger.getLogger(ROOT);
    private static Handler handler;

    private Diagnostics() {
    }

    /** The logger for a class: {@code System.getLogger("org.sstpdoctor.probe.SstpProbe")}. */
    public static System.Logger logger(Class<?> owner) {
        return System.getLogger(owner.getName());
    }

    /**
     * What {@code --debug} asks for: empty when it is absent; a path of "-" or none means standard
     * error. Accepts "--debug" and "--debug=FILE" anywhere in {@code args}; for launchers that look
     * at the arguments before picocli does (the wizard).
     */
    public static Optional<String> debugTarget(String... args) {
        for (String a : args) {
            if (a.equals("--debug")) {
                return Optional.of("-");
            }
            if (a.startsWith("--debug=")) {
                String file = a.substring("--debug=".length());
                return Optional.of(file.isBlank() ? "-" : file);
            }
        }
        return Optional.empty();
    }

    /** Turns debug logging on towards {@code target}: "-" for standard error, else a file (appended). */
    public static synchronized void enable(String target) throws IOException {
        if ("-".equals(target)) {
            enable(System.err, false);
        } else {
            enable(Files.newOutputStream(Path.of(target), StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE), true);
        }
    }

    /** Turns debug logging on towards a stream; a second call replaces the first sink. */
    public static synchronized void enable(OutputStream sink, boolean closeWhenReplaced) {
        disable();
        handler = new LineHandler(sink, closeWhenReplaced);
        ROOT_LOGGER.addHandler(handler);
        ROOT_LOGGER.setUseParentHandlers(false);
        ROOT_LOGGER.setLevel(Level.FINEST);
        logger(Diagnostics.class).log(System.Logger.Level.DEBUG, "debug logging on, SSTP Doctor {0}, Java {1}",
                org.sstpdoctor.probe.Version.current(), System.getProperty("java.version"));
    }

    /** Back to quiet: SSTP Doctor logs warnings only, the JDK's way. */
    public static synchronized void disable() {
        if (handler != null) {
            ROOT_LOGGER.removeHandler(handler);
            handler.close();
            handler = null;
        }
        ROOT_LOGGER.setUseParentHandlers(true);
        ROOT_LOGGER.setLevel(Level.WARNING);
    }

    public static synchronized boolean enabled() {
        return handler != null;
    }

    /** One line per record: time, level, the logger's short name, the message. */
    private static final class LineHandler extends Handler {
        private final PrintWriter out;
        private final boolean closeStream;

        LineHandler(OutputStream sink, boolean closeStream) {
            this.out = new PrintWriter(new OutputStreamWriter(sink, StandardCharsets.UTF_8), true);
            this.closeStream = closeStream;
            setLevel(Level.ALL);
        }

        @Override
        public void publish(LogRecord record) {
            if (!isLoggable(record)) {
                return;
            }
            String name = record.getLoggerName() == null ? "" : record.getLoggerName();
            String shortName = name.startsWith(ROOT + ".") ? name.substring(ROOT.length() + 1) : name;
            String message = new java.util.logging.SimpleFormatter().formatMessage(record);
            StringBuilder line = new StringBuilder().append(Instant.ofEpochMilli(record.getMillis())).append(' ')
                    .append(level(record.getLevel())).append(' ').append(shortName).append(": ").append(message);
            if (record.getThrown() != null) {
                Throwable t = record.getThrown();
                line.append(" (").append(t.getClass().getName()).append(": ").append(t.getMessage()).append(')');
            }
            synchronized (this) {
                out.println(org.sstpdoctor.text.PeerText.line(line.toString()));
            }
        }

        private static String level(Level l) {
            int v = l.intValue();
            return v >= Level.SEVERE.intValue() ? "ERROR" : v >= Level.WARNING.intValue() ? "WARN"
                    : v >= Level.INFO.intValue() ? "INFO" : v >= Level.FINE.intValue() ? "DEBUG" : "TRACE";
        }

        @Override
        public void flush() {
            out.flush();
        }

        @Override
        public void close() {
            out.flush();
            if (closeStream) {
                out.close();
            }
        }
    }
}
