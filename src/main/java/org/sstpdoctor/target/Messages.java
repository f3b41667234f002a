package org.sstpdoctor.target;

import org.sstpdoctor.text.PeerText;

/** Quoting what a person typed inside a message: short, and with invisible characters made visible. */
final class Messages {
    static final int QUOTE_LIMIT = 60;

    private Messages() {
    }

    static String shorten(String s) {
        String visible = visible(s);
        return visible.length() <= QUOTE_LIMIT ? visible : visible.substring(0, QUOTE_LIMIT - 1) + "…";
    }

    /** Control, format and bidi characters (NUL, CR, LF, right-to-left marks…) as \\uXXXX: one rule for all text. */
    static String visible(String s) {
        return PeerText.line(s);
    }

    static boolean isInvisible(int cp) {
        return PeerText.isInvisible(cp);
    }
}
