package org.sstpdoctor.text;

/**
 * Text that came from a stranger (a server, a proxy, a certificate, a file) made safe to show.
 *
 * <p>Every character that a terminal, a spreadsheet or a text widget could act on instead of
 * showing is replaced by its code in the visible form {@code \u001B}: the C0 controls (bare CR,
 * LF, TAB and ESC included), DEL, the C1 controls U+0080–U+009F (U+009B is a one-byte CSI), the
 * format characters (Unicode Cf: bidi embeddings and overrides U+202A–U+202E, isolates
 * U+2066–U+2069, zero-width characters U+200B–U+200F, U+FEFF, soft hyphen…), line and paragraph
 * separators, lone surrogates, private-use and unassigned code points. A bidi override or a CR
 * could otherwise make one line read as another ("[FAIL]" shown as "[ OK ]").
 *
 * <p>The result never contains such a character, and applying a method twice gives the same text,
 * so the model can sanitise at capture and the renderers again as a second guard.
 */
public final class PeerText {
    private PeerText() {
    }

    /** One line: every invisible character, line breaks included, made visible. */
    public static String line(String s) {
        return visible(s, false);
    }

    /**
     * Several lines (an error page's start): LF and CRLF are kept as LF, everything else invisible
     * (a bare CR included) made visible. Whoever renders it must keep the lines apart from its own.
     */
    public static String lines(String s) {
        return visible(s, true);
    }

    /** Null-safe {@link #line} for optional values. */
    public static String lineOrNull(String s) {
        return s == null ? null : line(s);
    }

    /** True when the text holds nothing {@link #line} would change. */
    public static boolean isClean(String s) {
        return s.codePoints().noneMatch(PeerText::isInvisible);
    }

    /** A character that does not show as itself: it moves the cursor, reorders text or is not drawn. */
    public static boolean isInvisible(int cp) {
        if (Character.isISOControl(cp)) {
            return true; // C0, DEL and C1
        }
        return switch (Character.getType(cp)) {
            case Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SURROGATE,
                    Character.PRIVATE_USE, Character.UNASSIGNED -> true;
            default -> false;
        };
    }

    private static String visible(String s, boolean keepLineFeeds) {
        if (s == null) {
            return "";
        }
        if (isClean(s)) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int width = Character.charCount(cp);
            if (keepLineFeeds && cp == '\n') {
                out.append('\n');
            } else if (keepLineFeeds && cp == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                // CRLF ends a line like LF; only a bare CR can overwrite what came before
            } else if (isInvisible(cp)) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
            i += width;
        }
        return out.toString();
    }
}
