package org.sstpdoctor.cli;

import org.sstpdoctor.probe.Outcome;
import org.sstpdoctor.probe.ProbeReport;
import org.sstpdoctor.probe.Verdict;

/** The command line's exit codes; a contract for scripts, documented in the README. */
public final class ExitCode {
    /** The SSTP service answered (verdict pass or warn). */
    public static final int REACHABLE = 0;
    /** A failure was diagnosed. */
    public static final int DIAGNOSED_FAILURE = 1;
    /** The command line or the input was not usable. */
    public static final int BAD_USAGE = 2;
    /** SSTP Doctor itself failed. */
    public static final int INTERNAL_ERROR = 3;

    private ExitCode() {
    }

    public static int of(ProbeReport report) {
        if (report.outcome() == Outcome.INTERNAL_ERROR) {
            return INTERNAL_ERROR;
        }
        if (report.outcome() == Outcome.BAD_INPUT) {
            return BAD_USAGE;
        }
        return report.verdict() == Verdict.FAIL ? DIAGNOSED_FAILURE : REACHABLE;
    }
}
