package org.sstpdoctor.probe;

import java.util.Locale;
import java.util.Optional;

/**
 * Reads a web proxy's error answer to CONNECT as the proxy's own: squid names its errors in
 * {@code X-Squid-Error} ({@code ERR_CONNECT_FAIL 111}: the connect to the server was refused,
 * errno 111; {@code ERR_DNS_FAIL}; {@code ERR_ACCESS_DENIED}…), tinyproxy in its reason phrase and
 * page ({@code 500 Unable to connect}, {@code 403 Access violation}/{@code Filtered}). A "proxy"
 * that answers CONNECT like a web server (nginx's or Apache's {@code 400}, {@code 405},
 * {@code 501}) is not a proxy at all.
 */
final class ProxyErrors {
    /** The outcome and the words that say why. */
    record Reading(Outcome outcome, String why) {
    }

    private ProxyErrors() {
    }

    /** How to read a non-200, non-sign-in answer to CONNECT; never empty. */
    static Reading read(HttpReply reply) {
        int code = reply.code();
        String squid = reply.header("X-Squid-Error").orElse("").trim();
        if (!squid.isEmpty()) {
            return squid(squid, code);
        }
        String server = reply.header("Server").orElse("").toLowerCase(Locale.ROOT);
        String reason = reply.reason().toLowerCase(Locale.ROOT);
        String page = reply.bodyExcerpt().toLowerCase(Locale.ROOT);
        if (server.contains("tinyproxy") || page.contains("tinyproxy")) {
            Optional<Reading> tiny = tinyproxy(code, reason, page);
            if (tiny.isPresent()) {
                return tiny.get();
            }
        }
        if (looksLikeWebServer(reply, code, server)) {
            return new Reading(Outcome.PROXY_NOT_A_PROXY, "it answered the tunnel request (CONNECT) with HTTP " + code
                    + (server.isEmpty() ? "" : " as a web server (" + reply.header("Server").orElse("") + ")")
                    + ", as web servers do; it is not a web proxy");
        }
        return switch (code) {
            case 403 -> new Reading(Outcome.PROXY_POLICY_DENIED, "it refused the tunnel with HTTP 403 (a proxy rule)");
            case 502 -> new Reading(Outcome.PROXY_TARGET_UNREACHABLE, "HTTP 502: it could not connect to the VPN server");
            case 504 -> new Reading(Outcome.PROXY_TARGET_TIMEOUT, "HTTP 504: the VPN server did not answer it in time");
            case 503 -> new Reading(Outcome.PROXY_TARGET_UNREACHABLE,
                    "HTTP 503: it could not open the tunnel to the VPN server");
            default -> new Reading(Outcome.PROXY_REFUSED, "it refused the tunnel with HTTP " + code);
        };
    }

    private static Reading squid(String error, int code) {
        String[] parts = error.split("\\s+");
        String id = parts[0].toUpperCase(Locale.ROOT);
        String errno = parts.length > 1 ? parts[1] : "";
        String named = "squid's " + error;
        return switch (id) {
            case "ERR_CONNECT_FAIL" -> switch (errno) {
                case "111" -> new Reading(Outcome.PROXY_TARGET_REFUSED, named + ": the VPN server refused the proxy's"
                        + " connection (errno 111, connection refused)");
                case "110" -> new Reading(Outcome.PROXY_TARGET_TIMEOUT, named + ": the VPN server did not answer the"
                        + " proxy's connection (errno 110, timed out)");
                case "113", "101" -> new Reading(Outcome.PROXY_TARGET_UNREACHABLE, named + ": the proxy has no route to"
                        + " the VPN server (errno " + errno + ")");
                default -> new Reading(Outcome.PROXY_TARGET_UNREACHABLE, named + ": the proxy could not connect to the"
                        + " VPN server");
            };
            case "ERR_DNS_FAIL" -> new Reading(Outcome.PROXY_TARGET_NOT_FOUND, named
                    + ": the proxy could not look up the VPN server's name");
            case "ERR_READ_TIMEOUT", "ERR_LIFETIME_EXP" -> new Reading(Outcome.PROXY_TARGET_TIMEOUT, named
                    + ": the VPN server did not answer the proxy in time");
            case "ERR_ACCESS_DENIED", "ERR_FORWARDING_DENIED", "ERR_TOO_BIG", "ERR_CONNECT_PORT" ->
                    new Reading(Outcome.PROXY_POLICY_DENIED, named + ": a proxy rule does not allow this tunnel");
            case "ERR_CANNOT_FORWARD", "ERR_GATEWAY_FAILURE", "ERR_ZERO_SIZE_OBJECT" ->
                    new Reading(Outcome.PROXY_TARGET_UNREACHABLE, named + ": the proxy could not reach the VPN server");
            default -> new Reading(code == 403 ? Outcome.PROXY_POLICY_DENIED : Outcome.PROXY_REFUSED,
                    named + " (HTTP " + code + ")");
        };
    }

    /** tinyproxy's reason phrases (reqs.c, indicate_http_error) and the strerror on its page. */
    private static Optional<Reading> tinyproxy(int code, String reason, String page) {
        if (reason.contains("unable to connect") || page.contains("unable to connect")) {
            if (page.contains("connection refused")) {
                return Optional.of(new Reading(Outcome.PROXY_TARGET_REFUSED,
                        "tinyproxy's " + code + " Unable to connect: the VPN server refused the proxy's connection"));
            }
            if (page.contains("timed out")) {
                return Optional.of(new Reading(Outcome.PROXY_TARGET_TIMEOUT,
                        "tinyproxy's " + code + " Unable to connect: the VPN server did not answer the proxy in time"));
            }
            if (page.contains("name or service not known") || page.contains("could not be resolved")
                    || page.contains("no address")) {
                return Optional.of(new Reading(Outcome.PROXY_TARGET_NOT_FOUND,
                        "tinyproxy's " + code + " Unable to connect: the proxy could not look up the VPN server's name"));
            }
            return Optional.of(new Reading(Outcome.PROXY_TARGET_UNREACHABLE,
                    "tinyproxy's " + code + " Unable to connect: the proxy could not connect to the VPN server"));
        }
        if (code == 403 || reason.contains("access violation") || reason.contains("filtered")) {
            return Optional.of(new Reading(Outcome.PROXY_POLICY_DENIED,
                    "tinyproxy's " + code + " " + reason + ": a proxy rule does not allow this tunnel"));
        }
        return Optional.empty();
    }

    /** No proxy marker (Via, Proxy-Agent, X-Squid-Error), and an answer web servers give to a method they do not know. */
    private static boolean looksLikeWebServer(HttpReply reply, int code, String server) {
        boolean proxyMarkers = reply.header("Via").isPresent() || reply.header("Proxy-Agent").isPresent()
                || server.contains("squid") || server.contains("tinyproxy") || server.contains("proxy");
        if (proxyMarkers) {
            return false;
        }
        boolean webServer = server.contains("nginx") || server.contains("apache") || server.contains("iis")
                || server.contains("httpd") || server.contains("lighttpd") || server.contains("caddy");
        return code == 400 || code == 405 || code == 501 || (webServer && code == 404);
    }
}
