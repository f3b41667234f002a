package org.sstpdoctor.probe;

import java.util.Arrays;

/**
 * A password held only in memory. It never prints itself, so a report, log line or exception
 * message that carries it by mistake shows nothing of it.
 */
public final class Secret {
    private final char[] chars;

    private Secret(char[] chars) {
        this.chars = chars;
    }

    /** Copies the characters; the caller should wipe its own array. */
    public static Secret of(char[] chars) {
        return new Secret(chars == null ? new char[0] : chars.clone());
    }

    public boolean isEmpty() {
        return chars.length == 0;
    }

    /** A copy of the characters, for the one place that needs them (the proxy's Basic header). */
    public char[] reveal() {
        return chars.clone();
    }

    /** Overwrites the characters once the secret is no longer needed. */
    public void wipe() {
        Arrays.fill(chars, '\0');
    }

    @Override
    public String toString() {
        return "[hidden]";
    }
}
