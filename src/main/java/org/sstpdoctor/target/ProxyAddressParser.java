package org.sstpdoctor.target;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a web proxy's address ("proxy.corp:3128", "http://proxy.corp:8080/", "[::1]:3128") and a
 * proxy user name. The port is required: guessing it would test the wrong thing.
 */
public final class ProxyAddressParser {
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://");
    private static final InputField FIELD = InputField.PROXY;
    private static final InputField PORT_FIELD = InputField.PROXY_PORT;
    static final int MAX_USER = 256;

    private ProxyAddressParser() {
    }

    public static ProxyEndpoint parse(String typed) throws InputException {
        String text = AddressParser.clean(typed, FIELD, "Type the proxy's address and port, for example proxy.example.com:8080.");
        Matcher scheme = SCHEME.matcher(text);
        if (scheme.find()) {
            String name = scheme.group(1).toLowerCase(Locale.ROOT);
            switch (name) {
                case "http" -> text = text.substring(scheme.end());
                case "https" -> throw new InputException(FIELD, "Connecting to the proxy itself over HTTPS is not supported;"
                        + " Windows talks to web proxies in plain HTTP too. Use the proxy's HTTP port, without https://.");
                case "socks", "socks4", "socks4a", "socks5", "socks5h" -> throw new InputException(FIELD,
                        "SSTP goes through web (HTTP) proxies; SOCKS proxies are not supported. Use the web proxy's address.");
                default -> throw new InputException(FIELD, "\"" + Messages.shorten(name + "://")
                        + "\" is not a web proxy address. Type the proxy's name and port, such as proxy.example.com:8080.");
            }
        }
        if (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.indexOf('/') >= 0 || text.indexOf('?') >= 0 || text.indexOf('#') >= 0) {
            throw new InputException(FIELD, "Type only the proxy's name and port, without a path after it.");
        }
        int at = text.lastIndexOf('@');
        if (at >= 0) {
            throw new InputException(FIELD, "Do not put the user name or password in the proxy address. Type the user name in"
                    + " the user field; give the password in the password field or when asked.");
        }
        AddressParser.HostAndPort hp = AddressParser.splitHostAndPort(text, FIELD, PORT_FIELD, "the proxy's address");
        if (hp.port() == null) {
            String example = hp.host().indexOf(':') >= 0 ? "[" + hp.host() + "]:8080" : hp.host() + ":8080";
            throw new InputException(PORT_FIELD, "Add the proxy's port, for example " + Messages.shorten(example) + ".");
        }
        HostParser.Host host = HostParser.parse(hp.host(), FIELD, "the proxy's address");
        return new ProxyEndpoint(host.ascii(), host.display(), hp.port(), host.kind());
    }

    /** The separate host and port fields of a form. */
    public static ProxyEndpoint parse(String host, String port) throws InputException {
        String h = AddressParser.clean(host, FIELD, "Type the proxy's name or IP address.");
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.contains("/") || h.contains("@")) {
            throw new InputException(FIELD, "Type only the proxy's name or IP address in the proxy field.");
        }
        if (h.indexOf(':') >= 0 && h.chars().filter(c -> c == ':').count() == 1) {
            throw new InputException(FIELD, "Type the port in the port field, not after the proxy's name.");
        }
        int p = AddressParser.parsePort(port, PORT_FIELD);
        HostParser.Host parsed = HostParser.parse(h, FIELD, "the proxy's address");
        return new ProxyEndpoint(parsed.ascii(), parsed.display(), p, parsed.kind());
    }

    /** A user name for Basic sign-in: no colon (Basic cannot carry it), no control characters. */
    public static String parseUser(String typed) throws InputException {
        if (typed == null || typed.isBlank()) {
            throw new InputException(org.sstpdoctor.target.InputField.PROXY_USER, "Type the proxy user name, or leave the sign-in empty.");
        }
        String user = typed.strip();
        if (user.length() > MAX_USER) {
            throw new InputException(org.sstpdoctor.target.InputField.PROXY_USER, "The user name is " + user.length() + " characters long; at most "
                    + MAX_USER + " are allowed.");
        }
        if (user.codePoints().anyMatch(Messages::isInvisible)) {
            throw new InputException(org.sstpdoctor.target.InputField.PROXY_USER, "The user name contains an invisible character. Type it again.");
        }
        if (user.indexOf(':') >= 0) {
            throw new InputException(org.sstpdoctor.target.InputField.PROXY_USER, "A proxy user name cannot contain \":\" (Basic sign-in cannot carry it).");
        }
        return user;
    }
}
