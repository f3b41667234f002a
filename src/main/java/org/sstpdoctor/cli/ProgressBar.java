package org.sstpdoctor.cli;

import java.io.PrintWriter;
import org.sstpdoctor.probe.ProbeReport;
import org.sstpdoctor.probe.Verdict;

/** A one-line progress display on the terminal's error stream, redrawn in place. */
final class ProgressBar {
    private final PrintWriter err;
    private int done;
    private int failing;
    private boolean shown;

    ProgressBar(PrintWriter err) {
        this.err = err;
    }

    void advance(ProbeReport report) {
        done++;
        if (report.verdict() == Verdict.FAIL) {
            failing++;
        }
        int filled = Math.min(20, done % 21);
        err.print("\r[" + "#".repeat(filled) + ".".repeat(20 - filled) + "] " + done + " probed, " + failing + " failing ");
        err.flush();
        shown = true;
    }

    void clear() {
        if (shown) {
            err.print("\r" + " ".repeat(60) + "\r");
            err.flush();
            shown = false;
        }
    }
}
