package org.sstpdoctor.probe;

/** How one stage ended. */
public enum StageStatus {
    PASSED,
    /** Completed, with a problem worth reporting (a certificate the probe looked past). */
    WARNED,
    FAILED,
    /** Not part of this probe (the proxy tunnel when there is no proxy). */
    SKIPPED,
    /** Never started because an earlier stage failed or the probe was cancelled. */
    NOT_REACHED;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
