package org.sstpdoctor.probe.revocation;

/**
 * Text from certificates and revocation servers is written by strangers: no control, format or
 * bidirectional character may reach a report raw, and no line may be unbounded.
 */
final class PeerText {
    static final int MAX = 300;

    private PeerText() {
    }

    static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(s.length(), MAX + 16));
        for (int i = 0; i < s.length() && out.length() < MAX; ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (Character.isISOControl(cp) || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.UNASSIGNED || type == Character.PRIVATE_USE
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        }
        if (out.length() >= MAX) {
            out.append('…');
        }
        return out.toString();
    }
}
