package org.sstpdoctor.probe;

import java.net.ProtocolException;
import org.sstpdoctor.text.BoundedFiles;

/**
 * More bytes came than any answer head needs before the head ended: endless {@code 102
 * Processing} interim answers, or a proxy whose headers never end. Thrown by the probe's own
 * streams, so the cause is named instead of surfacing later as a timeout or a closed connection.
 */
public final class HeadTooLongException extends ProtocolException {
    /** OkHttp's own limit for one head; the probe's streams count all heads before the final one together. */
    public static final int MAX_HEAD_BYTES = 256 * 1024;

    public HeadTooLongException() {
        super("the answer's head was too long: more than " + BoundedFiles.size(MAX_HEAD_BYTES) + " came before it ended");
    }

    /** This exception, or OkHttp's own "\n not found: limit=…" when its per-head limit was reached first. */
    public static boolean isCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HeadTooLongException || t instanceof java.io.EOFException && okHttpLimit(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /** OkHttp says "limit=N" with N the bytes it held: its limit when that was the cause, fewer on a plain end of stream. */
    private static boolean okHttpLimit(String message) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("not found: limit=(\\d{1,12})").matcher(String.valueOf(message));
        return m.find() && Long.parseLong(m.group(1)) >= 64 * 1024;
    }
}
