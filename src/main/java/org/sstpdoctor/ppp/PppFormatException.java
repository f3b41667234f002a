package org.sstpdoctor.ppp;

/** Bytes that are not a well-formed PPP frame or control packet; the message says what is wrong. */
public final class PppFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public PppFormatException(String message) {
        super(message);
    }
}
