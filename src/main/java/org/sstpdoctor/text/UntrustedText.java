package org.sstpdoctor.text;

/**
 * Text that came from outside the program (a phone book, the event log, a pasted message, an opened
 * report): made safe to show before it reaches a terminal, a file or the window. Control, format
 * (bidi overrides, zero-width) and unassigned characters are dropped or turned into spaces, and the
 * length is bounded.
 */
public final class UntrustedText {
    private UntrustedText() {
    }

    /** One line: line breaks and tabs become spaces, runs of spaces collapse, at most {@code max} characters. */
    public static String line(String raw, int max) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(raw.length(), max + 1));
        boolean space = false;
        for (int i = 0; i < raw.length() && out.length() <= max; ) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85) {
                space = out.length() > 0;
                continue;
            }
            if (isHidden(cp)) {
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.appendCodePoint(cp);
        }
        if (out.length() > max) {
            int cut = max - 1;
            if (cut > 0 && Character.isHighSurrogate(out.charAt(cut - 1))) {
                cut--;
            }
            out.setLength(Math.max(cut, 0));
            out.append('…');
        }
        return out.toString();
    }

    /** Several lines: each line as {@link #line}, at most {@code maxLines} lines kept. */
    public static String lines(String raw, int maxLineLength, int maxLines) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        int n = 0;
        for (String l : raw.split("\r\n|\r|\n|\u2028|\u2029", -1)) {
            if (n++ >= maxLines) {
                out.append("…\n");
                break;
            }
            out.append(line(l, maxLineLength)).append('\n');
        }
        return out.toString().stripTrailing();
    }

    /** Control, format, surrogate-half, private-use and unassigned characters, which never reach the person raw. */
    public static boolean isHidden(int cp) {
        int type = Character.getType(cp);
        return Character.isISOControl(cp) || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.PRIVATE_USE || type == Character.UNASSIGNED
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }
}
