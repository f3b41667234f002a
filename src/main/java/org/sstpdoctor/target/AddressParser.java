package org.sstpdoctor.target;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the VPN server's address, as a person types or pastes it, into a {@link Target}, or says
 * precisely what is wrong. No network I/O happens here.
 *
 * <p>Accepted: {@code vpn.example.com}, {@code vpn.example.com:4443}, {@code https://vpn.example.com/},
 * {@code sstp://vpn.example.com}, IPv4 and IPv6 literals ({@code [2001:db8::1]:443}), IDN names, and
 * Microsoft's manual-check URL ({@code https://vpn.example.com/sra_{BA195980-…}/}). An IPv6 address
 * without brackets never carries a port: {@code 2001:db8::1:443} is read as an address.
 */
public final class AddressParser {
    /** The SSTP path; defined in {@link org.sstpdoctor.sstp.SstpHttp}. */
    public static final String SSTP_PATH = org.sstpdoctor.sstp.SstpHttp.PATH;
    static final int MAX_INPUT = 2048;
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://");
    private static final Pattern BROKEN_SCHEME = Pattern.compile("^(https?|sstp):/*(?!/)", Pattern.CASE_INSENSITIVE);
    private static final InputField FIELD = InputField.ADDRESS;

    private AddressParser() {
    }

    public static Target parse(String typed) throws InputException {
        return parse(typed, null);
    }

    /**
     * @param portOverride the port from a separate field, or null; it must agree with a port in the address
     */
    public static Target parse(String typed, Integer portOverride) throws InputException {
        String text = clean(typed, FIELD, "Type the VPN server's Internet address, for example vpn.example.com.");
        Matcher scheme = SCHEME.matcher(text);
        if (scheme.find()) {
            String name = scheme.group(1).toLowerCase(Locale.ROOT);
            switch (name) {
                case "https", "sstp" -> text = text.substring(scheme.end());
                case "http" -> throw new InputException(FIELD, "SSTP always runs over HTTPS, so \"http://\" cannot be right."
                        + " Type the address without it (or with https://).");
                default -> throw new InputException(FIELD, "\"" + Messages.shorten(name + "://")
                        + "\" is not an address an SSTP VPN uses. Type the server's name, such as vpn.example.com.");
            }
        } else if (BROKEN_SCHEME.matcher(text).find() && text.indexOf(':') < text.indexOf('/')) {
            throw new InputException(FIELD, "\"" + Messages.shorten(text)
                    + "\" looks like a web address with a missing slash. Type just the server's name, such as vpn.example.com.");
        } else if (text.contains("://")) {
            throw new InputException(FIELD, "\"" + Messages.shorten(text)
                    + "\" is not a valid address. Type just the server's name, such as vpn.example.com.");
        }
        if (text.indexOf('?') >= 0 || text.indexOf('#') >= 0) {
            throw new InputException(FIELD, "Type only the server's address, without \"?…\" or \"#…\" after it.");
        }
        int slash = text.indexOf('/');
        String authority = slash < 0 ? text : text.substring(0, slash);
        String path = slash < 0 ? "" : text.substring(slash);
        if (!isAcceptablePath(path)) {
            throw new InputException(FIELD, "Type only the server's address, without the path \"" + Messages.shorten(path)
                    + "\" after it.");
        }
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            boolean hasPassword = authority.substring(0, at).indexOf(':') >= 0;
            throw new InputException(FIELD, "The address must not contain a user name"
                    + (hasPassword ? " or password" : "") + " (the part before \"@\")."
                    + " SSTP Doctor never needs the VPN sign-in; type only the server's address"
                    + (hasPassword ? "." : ", such as " + Messages.shorten(authority.substring(at + 1)) + "."));
        }
        HostAndPort hp = splitHostAndPort(authority, FIELD, InputField.PORT, "the server's address");
        int port = hp.port() == null ? Target.DEFAULT_PORT : hp.port();
        if (portOverride != null) {
            if (portOverride < 1 || portOverride > 65535) {
                throw new InputException(org.sstpdoctor.target.InputField.PORT, "The port must be a number from 1 to 65535; you typed " + portOverride + ".");
            }
            if (hp.port() != null && !hp.port().equals(portOverride)) {
                throw new InputException(org.sstpdoctor.target.InputField.PORT, "The address says port " + hp.port() + " but the port field says "
                        + portOverride + ". Keep one of them.");
            }
            port = portOverride;
        }
        HostParser.Host host = HostParser.parse(hp.host(), FIELD, "the server's address");
        return new Target(host.ascii(), host.display(), port, host.kind());
    }

    /** Parses a port typed as text. */
    public static int parsePort(String typed, InputField field) throws InputException {
        if (typed == null || typed.isBlank()) {
            throw new InputException(field, "Type a port number from 1 to 65535.");
        }
        String t = typed.strip();
        if (!t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InputException(field, "The port must be a number from 1 to 65535; you typed \"" + Messages.shorten(t) + "\".");
        }
        if (t.length() > 5) {
            throw new InputException(field, "The port must be a number from 1 to 65535; you typed " + Messages.shorten(t) + ".");
        }
        int port = Integer.parseInt(t);
        if (port < 1 || port > 65535) {
            throw new InputException(field, "The port must be a number from 1 to 65535; you typed " + port + ".");
        }
        return port;
    }

    record HostAndPort(String host, Integer port) {
    }

    /** Splits "host", "host:port", "[v6]", "[v6]:port", or a bare IPv6 address (never with a port). */
    static HostAndPort splitHostAndPort(String authority, InputField field, InputField portField, String what) throws InputException {
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw new InputException(field, "\"" + Messages.shorten(authority)
                        + "\" opens a \"[\" for an IPv6 address but never closes it with \"]\".");
            }
            String inside = authority.substring(1, close);
            if (inside.isEmpty()) {
                throw new InputException(field, "The brackets \"[]\" are empty. Put the IPv6 address inside them, such as [2001:db8::1].");
            }
            if (inside.indexOf(':') < 0) {
                throw new InputException(field, "Brackets are only for IPv6 addresses; \"" + Messages.shorten(inside)
                        + "\" is not one. Type it without the brackets.");
            }
            String rest = authority.substring(close + 1);
            if (rest.isEmpty()) {
                return new HostAndPort(inside, null);
            }
            if (!rest.startsWith(":")) {
                throw new InputException(field, "After \"]\" only \":port\" may follow; found \"" + Messages.shorten(rest) + "\".");
            }
            return new HostAndPort(inside, portAfterColon(rest.substring(1), portField));
        }
        int colons = (int) authority.chars().filter(c -> c == ':').count();
        if (colons == 0) {
            return new HostAndPort(authority, null);
        }
        if (colons == 1) {
            int colon = authority.indexOf(':');
            return new HostAndPort(authority.substring(0, colon), portAfterColon(authority.substring(colon + 1), portField));
        }
        return new HostAndPort(authority, null);
    }

    private static int portAfterColon(String port, InputField field) throws InputException {
        if (port.isEmpty()) {
            throw new InputException(field, "The address ends with \":\" but no port follows. Add the port (such as :443) or remove the colon.");
        }
        return parsePort(port, field);
    }

    private static boolean isAcceptablePath(String path) {
        if (path.isEmpty() || path.equals("/")) {
            return true;
        }
        // People paste Microsoft's manual-check URL; it names the same server.
        String p = path.replace("%7B", "{").replace("%7b", "{").replace("%7D", "}").replace("%7d", "}");
        if (!p.endsWith("/")) {
            p = p + "/";
        }
        return p.equalsIgnoreCase(SSTP_PATH);
    }

    /**
     * Common clean-up and checks for anything typed: trimming, pasted quotes, invisible characters,
     * spaces, stray punctuation, file-share paths.
     */
    static String clean(String typed, InputField field, String whenEmpty) throws InputException {
        if (typed == null) {
            throw new InputException(field, whenEmpty);
        }
        if (typed.length() > MAX_INPUT) {
            throw new InputException(field, "That is " + typed.length() + " characters long; an address is at most "
                    + MAX_INPUT + ". Check that the right thing was pasted.");
        }
        String text = strip(typed);
        if (text.isEmpty()) {
            throw new InputException(field, whenEmpty);
        }
        if (text.length() >= 2 && (text.startsWith("\"") && text.endsWith("\"") || text.startsWith("'") && text.endsWith("'")
                || text.startsWith("<") && text.endsWith(">"))) {
            text = strip(text.substring(1, text.length() - 1));
            if (text.isEmpty()) {
                throw new InputException(field, whenEmpty);
            }
        }
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Messages.isInvisible(cp)) {
                throw new InputException(field, "\"" + Messages.shorten(text) + "\" contains an invisible character ("
                        + String.format("\\u%04X", cp) + "). Type the address again rather than pasting it.");
            }
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                throw new InputException(field, "\"" + Messages.shorten(text)
                        + "\" contains a space. An address has no spaces; check for a typing or pasting mistake.");
            }
            i += Character.charCount(cp);
        }
        if (text.endsWith(",") || text.endsWith(";")) {
            throw new InputException(field, "\"" + Messages.shorten(text) + "\" ends with \"" + text.charAt(text.length() - 1)
                    + "\". Type one address without punctuation after it.");
        }
        if (text.indexOf('\\') >= 0) {
            throw new InputException(field, "\"" + Messages.shorten(text)
                    + "\" looks like a file share path, not an Internet address. Type a name such as vpn.example.com.");
        }
        return text;
    }

    private static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isTrimmable(s.charAt(start))) {
            start++;
        }
        while (end > start && isTrimmable(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isTrimmable(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
    }
}
