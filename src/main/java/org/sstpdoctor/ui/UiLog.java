package org.sstpdoctor.ui;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * What the wizard did, for {@code --debug}: pages shown, tests started and finished, background jobs
 * that failed. Through {@link System.Logger}, so it goes wherever the process's logging goes; it never
 * carries a password (only addresses, outcomes and exception messages, which the engine sanitises).
 */
final class UiLog {
    static final Logger LOG = System.getLogger("org.sstpdoctor.ui");

    private UiLog() {
    }

    static void page(WizardController.Page page) {
        LOG.log(Level.DEBUG, () -> "page " + page.key());
    }

    static void testStarted(String address, String proxyMode) {
        LOG.log(Level.DEBUG, () -> "test started: " + address + ", proxy " + proxyMode);
    }

    static void testFinished(String address, String outcome, double millis) {
        LOG.log(Level.DEBUG, () -> "test finished: " + address + " -> " + outcome + " in " + Math.round(millis) + " ms");
    }

    static void failed(String what, Throwable error) {
        LOG.log(Level.DEBUG, () -> what + " failed: " + error.getClass().getName() + ": " + BackgroundJobs.message(error));
    }

    /**
     * {@code --debug} for the wizard: the wizard's and the engine's messages at DEBUG level on standard
     * error (java.util.logging is System.Logger's default back end).
     */
    static void enableDebug() {
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("org.sstpdoctor");
        root.setLevel(java.util.logging.Level.FINE);
        java.util.logging.ConsoleHandler handler = new java.util.logging.ConsoleHandler();
        handler.setLevel(java.util.logging.Level.FINE);
        handler.setFormatter(new java.util.logging.SimpleFormatter() {
            @Override
            public String format(java.util.logging.LogRecord r) {
                return String.format(java.util.Locale.ROOT, "%1$tT.%1$tL %2$s %3$s%n", r.getMillis(), r.getLoggerName(),
                        formatMessage(r));
            }
        });
        root.addHandler(handler);
        root.setUseParentHandlers(false);
    }
}
