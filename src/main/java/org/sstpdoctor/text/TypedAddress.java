package org.sstpdoctor.text;

/**
 * An address as a person typed it, made fit to echo back: a user name and password typed before
 * an "@" ({@code https://bob:secret@vpn.example.com}) are replaced, and invisible characters made
 * visible. The address parser refuses such input, but reports and batch rows still echo it.
 */
public final class TypedAddress {
    /** What stands in for the removed user part. */
    public static final String REDACTED = "***";

    private TypedAddress() {
    }

    public static String forDisplay(String typed) {
        return PeerText.line(redactUserInfo(typed));
    }

    /** The address with everything between the scheme (if any) and the last "@" of the authority replaced. */
    public static String redactUserInfo(String typed) {
        if (typed == null) {
            return "";
        }
        int scheme = typed.indexOf("://");
        int start = scheme >= 0 ? scheme + 3 : 0;
        int end = typed.length();
        for (int i = start; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        int at = typed.lastIndexOf('@', end - 1);
        if (at < start) {
            return typed;
        }
        return typed.substring(0, start) + REDACTED + typed.substring(at);
    }
}
