package org.sstpdoctor.profiles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sstpdoctor.text.Sentences;
import org.sstpdoctor.text.UntrustedText;

/**
 * Reads what {@code nmcli --terse} prints about NetworkManager connections. In terse mode nmcli
 * separates fields with ':' and escapes ':' and '\' inside a value with a backslash. An SSTP
 * connection has {@code vpn.service-type} {@value #SSTP_SERVICE}; its {@code vpn.data} is a list of
 * {@code key = value} pairs separated by ", ", with the keys of network-manager-sstp
 * (enaess/network-manager-sstp, src/nm-sstp-service.h): {@code gateway}, {@code ca-cert},
 * {@code tls-ca-cert}, {@code proxy-server}, {@code proxy-port}, {@code proxy-user}. The proxy
 * password is a secret and is never asked for (nmcli does not print secrets without --show-secrets).
 */
public final class NetworkManagerParser {
    public static final String SSTP_SERVICE = "org.freedesktop.NetworkManager.sstp";
    private static final int MAX_FIELD = 512;

    private NetworkManagerParser() {
    }

    /** A connection in the list: its name and UUID (only VPN connections are returned). */
    public record Listed(String name, String uuid) {
    }

    /** {@code nmcli -t -f NAME,UUID,TYPE connection show}: the VPN connections. */
    public static List<Listed> vpnConnections(String output) {
        List<Listed> out = new ArrayList<>();
        for (String line : output.split("\r?\n")) {
            List<String> fields = splitTerse(line);
            if (fields.size() == 3 && fields.get(2).strip().equals("vpn") && fields.get(1).matches("[0-9a-fA-F-]{8,64}")) {
                out.add(new Listed(fields.get(0), fields.get(1)));
            }
        }
        return out;
    }

    /**
     * {@code nmcli -t -f connection.id,vpn.service-type,vpn.data connection show UUID}: the profile,
     * when it is an SSTP connection with a gateway.
     */
    public static Optional<VpnProfile> profile(String output) {
        Map<String, String> props = new LinkedHashMap<>();
        for (String line : output.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                props.put(line.substring(0, colon), unescape(line.substring(colon + 1)));
            }
        }
        if (!SSTP_SERVICE.equals(props.getOrDefault("vpn.service-type", "").strip())) {
            return Optional.empty();
        }
        Map<String, String> data = vpnData(props.getOrDefault("vpn.data", ""));
        String gateway = UntrustedText.line(data.getOrDefault("gateway", ""), MAX_FIELD);
        if (gateway.isEmpty() || gateway.contains(" ")) {
            return Optional.empty();
        }
        String name = UntrustedText.line(props.getOrDefault("connection.id", ""), MAX_FIELD);
        String proxyHost = UntrustedText.line(data.getOrDefault("proxy-server", ""), MAX_FIELD);
        String proxyPort = data.getOrDefault("proxy-port", "").strip();
        String proxy = proxyHost.isEmpty() || proxyHost.contains(" ") ? ""
                : proxyPort.matches("\\d{1,5}") && !proxyPort.equals("0") ? proxyHost + ":" + proxyPort : proxyHost;
        String ca = UntrustedText.line(data.getOrDefault("ca-cert", data.getOrDefault("tls-ca-cert", "")), MAX_FIELD);
        return Optional.of(new VpnProfile(name.isEmpty() ? gateway : name, gateway,
                Sentences.get("profile.source.nm"), VpnStrategy.Sstp.YES, Sentences.get("profile.nm.protocol"), proxy, ca));
    }

    /** "gateway = vpn.example.com, ca-cert = /etc/ssl/ca.pem" → a map; a value may contain "\," for a comma. */
    static Map<String, String> vpnData(String data) {
        Map<String, String> out = new LinkedHashMap<>();
        StringBuilder item = new StringBuilder();
        for (int i = 0; i <= data.length(); i++) {
            char c = i < data.length() ? data.charAt(i) : ',';
            if (c == '\\' && i + 1 < data.length()) {
                item.append(data.charAt(++i));
                continue;
            }
            if (c == ',' && (i == data.length() || i + 1 < data.length() && data.charAt(i + 1) == ' ')) {
                String s = item.toString();
                int eq = s.indexOf(" = ");
                if (eq > 0) {
                    out.putIfAbsent(s.substring(0, eq).strip(), s.substring(eq + 3).strip());
                }
                item.setLength(0);
                continue;
            }
            item.append(c);
        }
        return out;
    }

    /** Splits one terse line on unescaped ':'. */
    static List<String> splitTerse(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                field.append(line.charAt(++i));
            } else if (c == ':') {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        out.add(field.toString());
        return out;
    }

    private static String unescape(String value) {
        // Only "\:" is undone here; "\\" and "\," stay for vpnData, which knows the list's own escapes.
        return value.replace("\\:", ":");
    }
}
