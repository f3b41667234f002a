package org.sstpdoctor.target;

/** Quoting what a person typed inside a message: short, and with invisible characters made visible. */
final class Messages {
    static final int QUOTE_LIMIT = 60;

    private Messages() {
    }

    static String shorten(String s) {
        String visible = visible(s);
        return visible.length() <= QUOTE_LIMIT ? visible : visible.substring(0, QUOTE_LIMIT - 1) + "…";
    }

    /** Control and format characters (NUL, CR, LF, right-to-left marks…) as \\uXXXX. */
    static String visible(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (isInvisible(cp)) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    static boolean isInvisible(int cp) {
        int type = Character.getType(cp);
        return Character.isISOControl(cp) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE || type == Character.PRIVATE_USE
                || type == Character.UNASSIGNED;
    }
}
