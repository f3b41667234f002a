package org.sstpdoctor.probe.evidence;

import java.util.Locale;
import java.util.Optional;
import org.sstpdoctor.probe.HttpReply;

/**
 * What the server looks like, from how it behaves, not from its {@code Server} header alone
 * (SoftEther imitates Windows' {@code Microsoft-HTTPAPI/2.0}). Always hedged: "looks like". The
 * behaviours are those recorded in sstp-knowledge.md and sstp-wire.md: Windows answers
 * {@code HTTP/1.1 200} with no reason phrase (nmap sstp-discover.nse), and its HTTP.sys registers
 * only the SSTP address (rrasblog "SSTP FAQ Part 3"); SoftEther answers {@code 200 OK}, offers SHA-256
 * only in the Ack, 501 when SSTP is off and 403 to {@code GET /} (Proto_SSTP.c, Protocol.c); MikroTik
 * answers {@code HTTP/1.1 200} with {@code Server: MikroTik-SSTP} (nmap); accel-ppp sends no Server
 * header, offers SHA-1 and SHA-256 by default and answers 404 to a GET (sstp.c); nginx and HTTP load
 * balancers answer 400 to the 2^64-1 Content-Length.
 *
 * <p>The first look is the answer to the SSTP request and the Ack. When it leaves the product open
 * ({@link #worthASecondLook}), one more question ({@link SecondLook}, {@code GET /}) tells.
 *
 * @param product "Windows RRAS", "SoftEther VPN", …
 * @param because the behaviours that point to it
 * @param secondLook the extra question and its answer ("GET / answered 403 Forbidden …"), or empty
 */
public record ServerIdentity(String product, String because, String secondLook) {
    static final String HTTPAPI = "microsoft-httpapi";

    public ServerIdentity {
        secondLook = secondLook == null ? "" : secondLook;
    }

    public ServerIdentity(String product, String because) {
        this(product, because, "");
    }

    /** "looks like Windows RRAS (…)". */
    public String describe() {
        return "looks like " + product + " (" + because + ")";
    }

    /**
     * The first look.
     *
     * @param reply the answer to the SSTP request, or null
     * @param hashProtocols the hash protocols of the Call Connect Ack ("SHA-256", "SHA-256 + SHA-1"), empty without an Ack
     */
    public static Optional<ServerIdentity> identify(HttpReply reply, String hashProtocols) {
        if (reply == null) {
            return Optional.empty();
        }
        String server = server(reply);
        String serverLower = server.toLowerCase(Locale.ROOT);
        String hashes = hashProtocols == null ? "" : hashProtocols;
        boolean sha256Only = hashes.equals("SHA-256");
        boolean both = hashes.contains("SHA-256") && hashes.contains("SHA-1");
        boolean httpApi = serverLower.startsWith(HTTPAPI);
        int code = reply.code();
        String ack = hashes.isEmpty() ? "" : ", Ack offers " + hashes;
        if (serverLower.startsWith("mikrotik")) {
            return Optional.of(new ServerIdentity("MikroTik RouterOS", status(reply) + " with Server: " + server + ack));
        }
        if (serverLower.startsWith("sstp-server")) {
            return Optional.of(new ServerIdentity("sstp-server (Python)", "Server: " + server));
        }
        if (code == 200) {
            if (reply.reason().isEmpty() && httpApi) {
                return Optional.of(new ServerIdentity("Windows RRAS", "'HTTP/1.1 200' with no reason phrase, Server: " + server + ack));
            }
            if (httpApi && sha256Only) {
                return Optional.of(new ServerIdentity("SoftEther VPN",
                        "'200 OK' with Server: " + server + " (Windows sends no reason phrase), Ack offers SHA-256 only"));
            }
            if (httpApi) {
                return Optional.of(new ServerIdentity("SoftEther VPN or another server imitating Windows",
                        status(reply) + " with Server: " + server + "; Windows sends no reason phrase" + ack));
            }
            if (server.isEmpty() && both) {
                return Optional.of(new ServerIdentity("accel-ppp", "no Server header, Ack offers SHA-1 and SHA-256"));
            }
            if (server.isEmpty()) {
                return Optional.of(new ServerIdentity("accel-ppp or another Linux SSTP server", "no Server header" + ack));
            }
            return Optional.empty();
        }
        if (code == 400) {
            return Optional.of(new ServerIdentity("a web server or HTTP load balancer in front of the VPN server",
                    "400 to SSTP's 2^64-1 Content-Length" + (server.isEmpty() ? "" : ", Server: " + server)));
        }
        if (code == 501 && httpApi && !reply.reason().isEmpty()) {
            return Optional.of(new ServerIdentity("SoftEther VPN with SSTP turned off",
                    "501 to SSTP_DUPLEX_POST with Server: " + server));
        }
        if (httpApi) {
            return Optional.of(new ServerIdentity("Windows' web server (HTTP.sys), or SoftEther imitating it",
                    status(reply) + " to the SSTP address with Server: " + server));
        }
        if (!server.isEmpty() && (serverLower.contains("nginx") || serverLower.contains("apache")
                || serverLower.contains("iis") || serverLower.contains("cloudflare") || serverLower.startsWith("awselb"))) {
            return Optional.of(new ServerIdentity("a web server, not an SSTP service", "Server: " + server));
        }
        if (server.isEmpty() && code == 404) {
            return Optional.of(new ServerIdentity("accel-ppp or another Linux SSTP server",
                    "404 to the SSTP request with no Server header (accel-ppp's answer to another host name than its host-name)"));
        }
        return Optional.empty();
    }

    /**
     * Whether the first look leaves the product open in a way one {@code GET /} settles: Microsoft-HTTPAPI
     * with a reason phrase (SoftEther, or something else imitating Windows) unless the Ack already says
     * SHA-256 only; an error from HTTP.sys (Windows without SSTP at that address, or SoftEther); no Server
     * header without accel-ppp's default hash protocols.
     */
    public static boolean worthASecondLook(HttpReply reply, String hashProtocols) {
        if (reply == null) {
            return false;
        }
        String serverLower = server(reply).toLowerCase(Locale.ROOT);
        String hashes = hashProtocols == null ? "" : hashProtocols;
        boolean both = hashes.contains("SHA-256") && hashes.contains("SHA-1");
        int code = reply.code();
        if (code == 400 || code == 407 || serverLower.startsWith("mikrotik") || serverLower.startsWith("sstp-server")) {
            return false;
        }
        if (serverLower.startsWith(HTTPAPI)) {
            if (code == 200) {
                return !reply.reason().isEmpty() && !hashes.equals("SHA-256");
            }
            return !(code == 501 && !reply.reason().isEmpty());
        }
        if (serverLower.isEmpty()) {
            return code == 200 ? !both : code == 404;
        }
        return false;
    }

    /** The first look weighed with the answer to {@code GET /}. */
    public static Optional<ServerIdentity> refine(HttpReply reply, String hashProtocols, SecondLook.Answer look) {
        Optional<ServerIdentity> first = identify(reply, hashProtocols);
        if (look == null || reply == null) {
            return first;
        }
        String seen = look.describe();
        String because = first.map(ServerIdentity::because).orElse(status(reply));
        HttpReply answer = look.reply();
        boolean httpApi = server(reply).toLowerCase(Locale.ROOT).startsWith(HTTPAPI);
        if (answer == null) {
            return Optional.of(new ServerIdentity(first.map(ServerIdentity::product).orElse("an SSTP server"),
                    because + "; " + seen, seen));
        }
        String lookServer = server(answer).toLowerCase(Locale.ROOT);
        String product;
        if (answer.code() == 403 && httpApi) {
            product = reply.code() == 200 ? "SoftEther VPN" : "SoftEther VPN, not accepting SSTP at this address";
            because += "; GET / answered 403 (SoftEther's answer to its root page; Windows' HTTP.sys serves nothing there)";
        } else if (answer.code() == 404 && lookServer.startsWith(HTTPAPI) && httpApi) {
            // Only a 404 to the SSTP address itself says nothing listens there; another refusal (503: no free port?)
            // came from a Windows SSTP service that is there.
            product = reply.code() == 200 ? "a server imitating Windows (not SoftEther, which answers 403 to GET /)"
                    : reply.code() == 404 ? "Windows (HTTP.sys) with no SSTP service at the SSTP address: RRAS not running, or SSTP not enabled"
                    : "Windows RRAS, refusing the SSTP request with " + reply.code();
            because += "; GET / answered 404 from HTTP.sys, as Windows does where nothing is registered";
        } else if (answer.code() == 404 && lookServer.isEmpty() && server(reply).isEmpty()) {
            product = reply.code() == 200 ? "accel-ppp" : "accel-ppp, refusing the host name it was given (host-name)";
            because += "; GET / answered 404 with no Server header, as accel-ppp answers every GET";
        } else if (!lookServer.isEmpty() && !lookServer.startsWith(HTTPAPI)) {
            product = first.map(ServerIdentity::product).orElse("an SSTP server") + ", sharing the port with a web server ("
                    + server(answer) + ")";
            because += "; GET / was answered by " + server(answer);
        } else {
            product = first.map(ServerIdentity::product).orElse("an SSTP server");
            because += "; " + seen;
        }
        return Optional.of(new ServerIdentity(product, because, seen));
    }

    private static String server(HttpReply reply) {
        return reply.header("Server").orElse("").trim();
    }

    private static String status(HttpReply reply) {
        return "'" + reply.protocol() + " " + reply.code() + (reply.reason().isEmpty() ? "" : " " + reply.reason()) + "'";
    }
}
