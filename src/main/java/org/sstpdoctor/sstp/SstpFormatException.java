package org.sstpdoctor.sstp;

import java.io.IOException;

/**
 * Bytes that are not a well-formed SSTP packet or attribute value. The message says what was
 * wrong and, where it applies, at which byte offset, so it can be shown to a person as is; the
 * {@link #problem()} says what kind of wrong it is, for code that must decide on it.
 */
public final class SstpFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /** What kind of malformation was found. */
    public enum Problem {
        /** The version byte is not SSTP's 0x10: most likely the bytes are not SSTP at all. */
        UNSUPPORTED_VERSION,
        /** A packet length field that disagrees with the bytes or the minimum. */
        BAD_LENGTH,
        /** An attribute that is truncated, too short, or overruns the packet. */
        BAD_ATTRIBUTE,
        /** An attribute value of the wrong size for its type. */
        BAD_VALUE
    }

    private final Problem problem;
    /** Offset of the problem, or -1 when no single offset applies. */
    private final int offset;

    /** A problem at a byte offset: within the packet, or within the attribute value being parsed. */
    public SstpFormatException(Problem problem, String description, int offset) {
        super(description + " (at byte offset " + offset + ")");
        this.problem = problem;
        this.offset = offset;
    }

    /** A problem that has no single offset. */
    public SstpFormatException(Problem problem, String message) {
        super(message);
        this.problem = problem;
        this.offset = -1;
    }

    public Problem problem() {
        return problem;
    }

    /** The byte offset the problem was found at, or -1 if none applies. */
    public int offset() {
        return offset;
    }
}
