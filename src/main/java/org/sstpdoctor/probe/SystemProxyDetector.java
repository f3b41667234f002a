package org.sstpdoctor.probe;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.sstpdoctor.target.InputException;
import org.sstpdoctor.target.ProxyAddressParser;
import org.sstpdoctor.target.ProxyEndpoint;
import org.sstpdoctor.target.Target;

/**
 * Finds the proxy "the system" would use for the VPN server: Java's proxy properties, then the
 * conventional environment variables (HTTPS_PROXY, ALL_PROXY with NO_PROXY), then the operating
 * system's settings through Java's system proxy selector. Proxy auto-configuration (PAC) scripts
 * are not run; that is said in the result.
 */
public final class SystemProxyDetector {
    /** The answer, with how it was found, so the report and the wizard can show it. */
    public record Detection(Optional<ProxyEndpoint> proxy, String source, List<String> notes) {
        public Detection {
            notes = List.copyOf(notes);
        }
    }

    private final Map<String, String> environment;
    private final Properties properties;
    private final ProxySelector osSelector;

    public SystemProxyDetector(Map<String, String> environment, Properties properties, ProxySelector osSelector) {
        this.environment = Map.copyOf(environment);
        this.properties = properties;
        this.osSelector = osSelector;
    }

    /** This computer's settings. Call {@link #enableOsProxySettings()} early in main for the OS part. */
    public static SystemProxyDetector ofThisComputer() {
        return new SystemProxyDetector(System.getenv(), System.getProperties(), ProxySelector.getDefault());
    }

    /**
     * Java reads "java.net.useSystemProxies" once, when its proxy selector first loads; setting it
     * at start-up lets the selector see Windows', macOS' and GNOME's proxy settings.
     */
    public static void enableOsProxySettings() {
        if (System.getProperty("java.net.useSystemProxies") == null) {
            System.setProperty("java.net.useSystemProxies", "true");
        }
    }

    public Detection detect(Target target) {
        java.util.List<String> notes = new java.util.ArrayList<>();
        Optional<Detection> fromProperties = fromProperties(target, notes);
        if (fromProperties.isPresent()) {
            return fromProperties.get();
        }
        Optional<Detection> fromEnvironment = fromEnvironment(target, notes);
        if (fromEnvironment.isPresent()) {
            return fromEnvironment.get();
        }
        Optional<Detection> fromOs = fromOs(target, notes);
        if (fromOs.isPresent()) {
            return fromOs.get();
        }
        return new Detection(Optional.empty(), "no proxy is configured on this computer", notes);
    }

    private Optional<Detection> fromProperties(Target target, List<String> notes) {
        String host = properties.getProperty("https.proxyHost");
        if (host == null || host.isBlank()) {
            return Optional.empty();
        }
        String port = properties.getProperty("https.proxyPort", "443");
        if (matchesNonProxyHosts(target.asciiHost(), properties.getProperty("http.nonProxyHosts", ""))) {
            return Optional.of(new Detection(Optional.empty(),
                    "Java's http.nonProxyHosts excludes " + target.asciiHost() + " from the proxy", notes));
        }
        try {
            return Optional.of(new Detection(Optional.of(ProxyAddressParser.parse(host, port)),
                    "Java system properties https.proxyHost/https.proxyPort", notes));
        } catch (InputException e) {
            notes.add("Java's https.proxyHost setting is not usable: " + e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<Detection> fromEnvironment(Target target, List<String> notes) {
        for (String name : List.of("https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY")) {
            String value = environment.get(name);
            if (value == null || value.isBlank()) {
                continue;
            }
            String noProxy = environment.getOrDefault("no_proxy", environment.getOrDefault("NO_PROXY", ""));
            if (matchesNoProxy(target.asciiHost(), noProxy)) {
                return Optional.of(new Detection(Optional.empty(), "environment variable NO_PROXY excludes "
                        + target.asciiHost() + " from the proxy " + name + " names", notes));
            }
            String withoutUser = stripUserInfo(value.trim());
            if (!withoutUser.equals(value.trim())) {
                notes.add("The user name and password in " + name
                        + " were ignored: Windows' SSTP client cannot sign in to a proxy.");
            }
            try {
                return Optional.of(new Detection(Optional.of(ProxyAddressParser.parse(withoutUser)),
                        "environment variable " + name, notes));
            } catch (InputException e) {
                notes.add("The environment variable " + name + " is not usable: " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    private Optional<Detection> fromOs(Target target, List<String> notes) {
        if (osSelector == null) {
            return Optional.empty();
        }
        List<Proxy> proxies;
        try {
            proxies = osSelector.select(URI.create("https://" + target.authority() + "/"));
        } catch (RuntimeException e) {
            notes.add("The operating system's proxy settings could not be read: " + e.getMessage());
            return Optional.empty();
        }
        for (Proxy proxy : proxies == null ? List.<Proxy>of() : proxies) {
            if (proxy.type() == Proxy.Type.SOCKS) {
                notes.add("The operating system names a SOCKS proxy; SSTP goes through web (HTTP) proxies only, so it was not used.");
                continue;
            }
            if (proxy.type() == Proxy.Type.HTTP && proxy.address() instanceof InetSocketAddress address) {
                try {
                    return Optional.of(new Detection(Optional.of(ProxyAddressParser.parse(address.getHostString(),
                            Integer.toString(address.getPort()))), "operating system proxy settings", notes));
                } catch (InputException e) {
                    notes.add("The operating system's proxy setting is not usable: " + e.getMessage());
                }
            }
        }
        return Optional.empty();
    }

    static String stripUserInfo(String value) {
        int scheme = value.indexOf("://");
        int start = scheme < 0 ? 0 : scheme + 3;
        int at = value.lastIndexOf('@');
        int slash = value.indexOf('/', start);
        if (at >= start && (slash < 0 || at < slash)) {
            return value.substring(0, start) + value.substring(at + 1);
        }
        return value;
    }

    /** curl's NO_PROXY rules: comma-separated names, "*" for all, a name matches itself and its subdomains. */
    static boolean matchesNoProxy(String host, String noProxy) {
        String h = host.toLowerCase(Locale.ROOT);
        for (String raw : noProxy.split(",")) {
            String entry = raw.trim().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.equals("*")) {
                return true;
            }
            int colon = entry.lastIndexOf(':');
            if (colon > 0 && entry.indexOf(':') == colon) {
                entry = entry.substring(0, colon);
            }
            if (entry.startsWith(".")) {
                entry = entry.substring(1);
            }
            if (h.equals(entry) || h.endsWith("." + entry)) {
                return true;
            }
        }
        return false;
    }

    /** Java's http.nonProxyHosts: '|'-separated patterns with '*' wildcards at either end. */
    static boolean matchesNonProxyHosts(String host, String patterns) {
        String h = host.toLowerCase(Locale.ROOT);
        for (String raw : patterns.split("\\|")) {
            String p = raw.trim().toLowerCase(Locale.ROOT);
            if (p.isEmpty()) {
                continue;
            }
            if (p.equals("*") || p.equals(h)
                    || p.startsWith("*") && h.endsWith(p.substring(1))
                    || p.endsWith("*") && h.startsWith(p.substring(0, p.length() - 1))) {
                return true;
            }
        }
        return false;
    }
}
