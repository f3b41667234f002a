package org.sstpdoctor.probe.evidence;

import java.util.Locale;
import java.util.Optional;
import org.sstpdoctor.probe.HttpReply;

/**
 * What the server looks like, from how it behaves, not from its {@code Server} header alone
 * (SoftEther imitates Windows' {@code Microsoft-HTTPAPI/2.0}). Always hedged: "looks like". The
 * behaviours are those recorded in sstp-knowledge.md: Windows answers {@code HTTP/1.1 200} with no
 * reason phrase (nmap sstp-discover.nse); SoftEther answers {@code 200 OK}, offers SHA-256 only in
 * the Ack and 501 when SSTP is off (Proto_SSTP.c, Protocol.c); MikroTik sends
 * {@code Server: MikroTik-SSTP}; accel-ppp sends no Server header and offers SHA-1 and SHA-256 by
 * default; nginx and HTTP load balancers answer 400 to the 2^64-1 Content-Length.
 *
 * @param product "Windows RRAS", "SoftEther VPN", …
 * @param because the behaviour that points to it
 */
public record ServerIdentity(String product, String because) {
    /** "looks like Windows RRAS (…)". */
    public String describe() {
        return "looks like " + product + " (" + because + ")";
    }

    /**
     * @param reply the answer to the SSTP request, or null
     * @param hashProtocols the hash protocols of the Call Connect Ack ("SHA-256", "SHA-256 + SHA-1"), empty without an Ack
     */
    public static Optional<ServerIdentity> identify(HttpReply reply, String hashProtocols) {
        if (reply == null) {
            return Optional.empty();
        }
        String server = reply.header("Server").orElse("").trim();
        String serverLower = server.toLowerCase(Locale.ROOT);
        String hashes = hashProtocols == null ? "" : hashProtocols;
        boolean sha256Only = hashes.equals("SHA-256");
        boolean both = hashes.contains("SHA-256") && hashes.contains("SHA-1");
        int code = reply.code();
        if (serverLower.startsWith("mikrotik")) {
            return Optional.of(new ServerIdentity("MikroTik RouterOS", "Server: " + server));
        }
        if (serverLower.startsWith("sstp-server")) {
            return Optional.of(new ServerIdentity("sstp-server (Python)", "Server: " + server));
        }
        if (code == 200) {
            boolean httpApi = serverLower.startsWith("microsoft-httpapi");
            if (reply.reason().isEmpty() && httpApi) {
                return Optional.of(new ServerIdentity("Windows RRAS", "'HTTP/1.1 200' with no reason phrase, Server: " + server));
            }
            if (httpApi && sha256Only) {
                return Optional.of(new ServerIdentity("SoftEther VPN",
                        "'200 OK' with Server: " + server + " (Windows sends no reason phrase), Ack offers SHA-256 only"));
            }
            if (httpApi) {
                return Optional.of(new ServerIdentity("SoftEther VPN or another server imitating Windows",
                        "'200 " + reply.reason() + "' with Server: " + server + "; Windows sends no reason phrase"));
            }
            if (server.isEmpty() && both) {
                return Optional.of(new ServerIdentity("accel-ppp", "no Server header, Ack offers SHA-1 and SHA-256"));
            }
            if (server.isEmpty()) {
                return Optional.of(new ServerIdentity("accel-ppp or another Linux SSTP server", "no Server header"));
            }
            return Optional.empty();
        }
        if (code == 400) {
            return Optional.of(new ServerIdentity("a web server or HTTP load balancer in front of the VPN server",
                    "400 to SSTP's 2^64-1 Content-Length" + (server.isEmpty() ? "" : ", Server: " + server)));
        }
        if (code == 501 && serverLower.startsWith("microsoft-httpapi") && !reply.reason().isEmpty()) {
            return Optional.of(new ServerIdentity("SoftEther VPN with SSTP turned off",
                    "501 to SSTP_DUPLEX_POST with Server: " + server));
        }
        if (!server.isEmpty() && (serverLower.contains("nginx") || serverLower.contains("apache")
                || serverLower.contains("iis") || serverLower.contains("cloudflare") || serverLower.startsWith("awselb"))) {
            return Optional.of(new ServerIdentity("a web server, not an SSTP service", "Server: " + server));
        }
        return Optional.empty();
    }
}
