package org.sstpdoctor.probe;

/** The one-word answer a person wants first. */
public enum Verdict {
    /** The SSTP service answered; a Windows client should get through. */
    PASS,
    /** The SSTP service answered, but something needs attention soon (e.g. a certificate about to expire). */
    WARN,
    /** A Windows SSTP client would not get through (or the test could not finish). */
    FAIL;

    /** The worse of two verdicts: FAIL beats WARN beats PASS. */
    public Verdict worst(Verdict other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
