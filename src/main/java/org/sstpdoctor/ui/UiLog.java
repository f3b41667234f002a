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
        // One logging set-up for the command line and the wizard; Main may have pointed it at a file already.
        if (!org.sstpdoctor.diag.Diagnostics.enabled()) {
            org.sstpdoctor.diag.Diagnostics.enable(System.err, false);
        }
    }
}
