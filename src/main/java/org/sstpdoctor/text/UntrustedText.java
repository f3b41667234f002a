package org.sstpdoctor.text;

/**
 * Text read from this computer's files and logs, a paste or an opened report, bounded and made safe
 * to show: whitespace (line breaks and tabs are ordinary in a phone book or an event message) becomes
 * single spaces, then every other invisible character is made visible by {@link PeerText} (a bidi
 * override shows as {@code \u202E}, never acts), and the length is bounded.
 */
public final class UntrustedText {
    private UntrustedText() {
    }

    /** One line of at most {@code max} characters (an ellipsis marks a cut). */
    public static String line(String raw, int max) {
        if (raw == null) {
            return "";
        }
        StringBuilder spaced = new StringBuilder(Math.min(raw.length(), max * 2 + 16));
        boolean space = false;
        for (int i = 0; i < raw.length() && spaced.length() <= max * 2 + 8; ) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85) {
                space = spaced.length() > 0;
                continue;
            }
            if (space) {
                spaced.append(' ');
                space = false;
            }
            spaced.appendCodePoint(cp);
        }
        String out = PeerText.line(spaced.toString());
        if (out.length() <= max) {
            return out;
        }
        int cut = Math.max(max - 1, 0);
        if (cut > 0 && Character.isHighSurrogate(out.charAt(cut - 1))) {
            cut--;
        }
        return out.substring(0, cut) + "…";
    }

    /** Several lines: each as {@link #line}, at most {@code maxLines} kept. */
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
}
