package org.sstpdoctor.probe.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sstpdoctor.probe.Header;
import org.sstpdoctor.probe.HttpReply;

/**
 * Marks a web proxy leaves on an answer it wrote itself: {@code Via} (RFC 9110 7.6.3),
 * {@code X-Squid-Error} and {@code Server: squid} (squid's error pages, seen on loopback, see
 * sstp-wire.md), {@code Proxy-Agent}. When the answer to the SSTP request carries them, the proxy
 * decrypted the connection and answered instead of the VPN server.
 */
public final class ProxyMarks {
    private ProxyMarks() {
    }

    /** The headers that show a proxy wrote (or passed) this answer; empty when none. */
    public static List<Header> of(HttpReply reply) {
        List<Header> marks = new ArrayList<>();
        if (reply == null) {
            return marks;
        }
        for (Header h : reply.headers()) {
            String name = h.name().toLowerCase(Locale.ROOT);
            String value = h.value().toLowerCase(Locale.ROOT);
            boolean mark = switch (name) {
                case "via", "x-squid-error", "proxy-agent", "x-cache", "x-cache-lookup" -> true;
                case "server" -> value.startsWith("squid") || value.contains("bluecoat") || value.contains("proxysg")
                        || value.startsWith("tinyproxy") || value.contains("zscaler");
                default -> false;
            };
            if (mark) {
                marks.add(h);
            }
        }
        return marks;
    }

    /** True when the answer was written by a proxy, not passed through from the server. */
    public static boolean writtenByProxy(HttpReply reply) {
        if (reply == null) {
            return false;
        }
        // Via alone can be a reverse proxy in front of the server that passed the answer on; an error
        // page of the proxy's own names the proxy product.
        return of(reply).stream().anyMatch(h -> !h.name().equalsIgnoreCase("via"));
    }

    public static String describe(List<Header> marks) {
        return String.join("; ", marks.stream().map(h -> h.name() + ": " + h.value()).toList());
    }
}
