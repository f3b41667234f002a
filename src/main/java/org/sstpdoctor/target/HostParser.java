package org.sstpdoctor.target;

import java.net.IDN;
import java.util.Locale;

/**
 * Validates a host as typed (a DNS name, an IDN, an IPv4 or IPv6 literal) without any network
 * I/O, and says precisely what is wrong. Shared by the server and proxy address parsers.
 */
final class HostParser {
    static final int MAX_NAME = 253;
    static final int MAX_LABEL = 63;

    record Host(String ascii, String display, HostKind kind) {
    }

    private HostParser() {
    }

    /**
     * @param host the host part alone (no scheme, port or brackets)
     * @param field the input the message is about
     * @param what how to name the thing in messages: "the server's address", "the proxy's address"
     */
    static Host parse(String host, InputField field, String what) throws InputException {
        if (host.isEmpty()) {
            throw new InputException(field, capitalise(what) + " has no host name. Type a name such as vpn.example.com or an IP address.");
        }
        if (host.indexOf(':') >= 0) {
            return new Host(parseIpv6(host, field), parseIpv6(host, field), HostKind.IPV6);
        }
        if (looksNumeric(host)) {
            String ipv4 = parseIpv4(host, field);
            return new Host(ipv4, ipv4, HostKind.IPV4);
        }
        String ascii = toAscii(host, field);
        if (looksNumeric(ascii)) {
            // Fullwidth digits and the like map to ASCII digits: judge the result as an IPv4 address.
            String ipv4 = parseIpv4(ascii, field);
            return new Host(ipv4, ipv4, HostKind.IPV4);
        }
        validateDnsName(ascii, host, field);
        String display;
        try {
            display = IDN.toUnicode(ascii, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            display = ascii;
        }
        return new Host(ascii, display, HostKind.DNS_NAME);
    }

    private static boolean looksNumeric(String host) {
        return host.chars().allMatch(c -> c >= '0' && c <= '9' || c == '.');
    }

    static String parseIpv4(String host, InputField field) throws InputException {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            if (parts.length == 1) {
                throw new InputException(field, "\"" + Messages.shorten(host)
                        + "\" is only a number, not an Internet address. Type a name such as vpn.example.com or an IP address such as 203.0.113.10.");
            }
            throw new InputException(field, "\"" + Messages.shorten(host)
                    + "\" is not a valid IPv4 address: it needs four numbers from 0 to 255 separated by dots, such as 203.0.113.10.");
        }
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new InputException(field, "\"" + Messages.shorten(host)
                        + "\" is not a valid IPv4 address: each of its four parts must be a number from 0 to 255.");
            }
            if (part.length() > 1 && part.charAt(0) == '0') {
                throw new InputException(field, "\"" + Messages.shorten(host) + "\" has a number with a leading zero ("
                        + part + "), which some programs read as octal. Write it without the leading zero.");
            }
            int value = Integer.parseInt(part);
            if (value > 255) {
                throw new InputException(field, "\"" + Messages.shorten(host) + "\" is not a valid IPv4 address: "
                        + value + " is more than 255.");
            }
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(value);
        }
        return out.toString();
    }

    /** Validates an IPv6 literal and returns its canonical text form (RFC 5952: lower case, longest zero run compressed). */
    static String parseIpv6(String host, InputField field) throws InputException {
        if (host.indexOf('%') >= 0) {
            throw new InputException(field, "\"" + Messages.shorten(host) + "\" is a link-local IPv6 address with a zone (%…),"
                    + " which cannot be used for a VPN server. Use the server's global address or its name.");
        }
        String invalid = "\"" + Messages.shorten(host) + "\" is not a valid IPv6 address.";
        int[] groups = new int[8];
        String text = host.toLowerCase(Locale.ROOT);
        int doubleColon = text.indexOf("::");
        if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) {
            throw new InputException(field, invalid + " It may contain \"::\" only once.");
        }
        String head = doubleColon >= 0 ? text.substring(0, doubleColon) : text;
        String tail = doubleColon >= 0 ? text.substring(doubleColon + 2) : "";
        int[] headGroups = groups(head, field, invalid, doubleColon < 0);
        int[] tailGroups = doubleColon >= 0 ? groups(tail, field, invalid, true) : new int[0];
        int total = headGroups.length + tailGroups.length;
        if (doubleColon < 0 && total != 8) {
            throw new InputException(field, invalid + " It needs eight groups of hexadecimal digits, or \"::\" for the zeros.");
        }
        if (doubleColon >= 0 && total > 7) {
            throw new InputException(field, invalid + " It has too many groups.");
        }
        System.arraycopy(headGroups, 0, groups, 0, headGroups.length);
        System.arraycopy(tailGroups, 0, groups, 8 - tailGroups.length, tailGroups.length);
        return canonical(groups);
    }

    /** Parses colon-separated groups; an IPv4 dotted quad is allowed as the last two groups. */
    private static int[] groups(String part, InputField field, String invalid, boolean mayEndWithIpv4) throws InputException {
        if (part.isEmpty()) {
            return new int[0];
        }
        String[] pieces = part.split(":", -1);
        int count = pieces.length;
        String last = pieces[count - 1];
        boolean ipv4 = last.indexOf('.') >= 0;
        if (ipv4 && !mayEndWithIpv4) {
            throw new InputException(field, invalid + " An IPv4 part may only come last.");
        }
        int[] out = new int[ipv4 ? count + 1 : count];
        for (int i = 0; i < count - (ipv4 ? 1 : 0); i++) {
            String g = pieces[i];
            if (g.isEmpty() || g.length() > 4 || !g.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw new InputException(field, invalid + " \"" + Messages.shorten(g)
                        + "\" is not a group of one to four hexadecimal digits.");
            }
            out[i] = Integer.parseInt(g, 16);
        }
        if (ipv4) {
            String[] octets = parseIpv4(last, field).split("\\.");
            out[count - 1] = Integer.parseInt(octets[0]) << 8 | Integer.parseInt(octets[1]);
            out[count] = Integer.parseInt(octets[2]) << 8 | Integer.parseInt(octets[3]);
        }
        return out;
    }

    private static String canonical(int[] groups) {
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }

    private static String toAscii(String host, InputField field) throws InputException {
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (name.isEmpty() || name.startsWith(".") || name.contains("..")) {
            throw new InputException(field, "\"" + Messages.shorten(host)
                    + "\" has an empty part between dots. Check for a doubled or leading dot.");
        }
        boolean ascii = name.chars().allMatch(c -> c < 0x80);
        if (ascii) {
            return name.toLowerCase(Locale.ROOT);
        }
        try {
            // IDNA: "bücher.example" becomes "xn--bcher-kva.example"; symbols and emoji are refused.
            return IDN.toASCII(name, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new InputException(field, "\"" + Messages.shorten(host)
                    + "\" contains characters that cannot be part of an Internet name. Use letters, digits, hyphens and dots.");
        }
    }

    private static void validateDnsName(String ascii, String typed, InputField field) throws InputException {
        if (ascii.length() > MAX_NAME) {
            throw new InputException(field, "The name is " + ascii.length() + " characters long; an Internet name can be at most "
                    + MAX_NAME + ".");
        }
        String[] labels = ascii.split("\\.", -1);
        for (String label : labels) {
            if (label.isEmpty()) {
                throw new InputException(field, "\"" + Messages.shorten(typed)
                        + "\" has an empty part between dots. Check for a doubled or leading dot.");
            }
            if (label.length() > MAX_LABEL) {
                throw new InputException(field, "A part of the name is " + label.length()
                        + " characters long; each part between dots can be at most " + MAX_LABEL + ".");
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                boolean ok = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
                if (!ok) {
                    throw new InputException(field, "\"" + Messages.shorten(typed) + "\" contains \"" + Messages.visible(String.valueOf(c))
                            + "\", which cannot be part of an Internet name. Use letters, digits, hyphens and dots.");
                }
            }
            if (label.startsWith("-") || label.endsWith("-")) {
                // The part alone: quoting the whole name too said the same long text twice.
                throw new InputException(field, "A part of the name " + (label.startsWith("-") ? "starts" : "ends")
                        + " with a hyphen (\"" + Messages.shorten(label) + "\"), which Internet names do not allow.");
            }
        }
        String last = labels[labels.length - 1];
        if (labels.length > 1 && last.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InputException(field, "\"" + Messages.shorten(typed)
                    + "\" ends in a number, so it is neither a name nor an IP address. Check it for a typing mistake.");
        }
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
