package org.sstpdoctor.sstp;

import java.io.IOException;

/**
 * Bytes that are not a well-formed SSTP packet or attribute value. The message says what was
 * wrong and, where it applies, at which byte offset, so it can be shown to a person as is.
 */
public final class SstpFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /** Offset of the problem, or -1 when no single offset applies. */
    private final int offset;

    /** A problem at a byte offset: within the packet, or within the attribute value being parsed. */
    public SstpFormatException(String problem, int offset) {
        super(problem + " (at byte offset " + offset + ")");
        this.offset = offset;
    }

    /** A problem that has no single offset. */
    public SstpFormatException(String message) {
        super(message);
        this.offset = -1;
    }

    /** The byte offset the problem was found at, or -1 if none applies. */
    public int offset() {
        return offset;
    }
}
