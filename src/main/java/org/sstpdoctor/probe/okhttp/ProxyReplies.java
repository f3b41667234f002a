package org.sstpdoctor.probe.okhttp;

import java.util.ArrayList;
import java.util.List;
import org.sstpdoctor.probe.HttpReply;
import org.sstpdoctor.probe.ProxyReply;

/** The proxy's answers to CONNECT, from the bytes the socket taps saw before TLS. */
final class ProxyReplies {
    private ProxyReplies() {
    }

    static List<ProxyReply> parse(List<SocketTap> taps) {
        List<ProxyReply> all = new ArrayList<>();
        for (SocketTap tap : taps) {
            byte[] sent = tap.sentBeforeTls();
            List<RawHttp.RawRequest> requests = RawHttp.parseRequests(sent);
            // A proxy's page may reflect our request: the credentials are removed before anything is kept.
            List<HttpReply> replies = RawHttp.parseReplies(tap.receivedBeforeTls(), CredentialScrubber.fromSent(sent));
            for (int i = 0; i < replies.size(); i++) {
                RawHttp.RawRequest request = i < requests.size() ? requests.get(i) : null;
                String target = request == null ? "" : connectTarget(request.requestLine());
                boolean credentials = request != null && request.has("Proxy-Authorization");
                all.add(new ProxyReply(target, credentials, replies.get(i), schemes(replies.get(i))));
            }
        }
        return List.copyOf(all);
    }

    /**
     * The first CONNECT head sent, as it went on the wire (shown in every report); a
     * Proxy-Authorization value is never shown, only that one was sent.
     */
    static String connectHead(List<SocketTap> taps) {
        for (SocketTap tap : taps) {
            List<RawHttp.RawRequest> requests = RawHttp.parseRequests(tap.sentBeforeTls());
            if (!requests.isEmpty() && requests.get(0).requestLine().startsWith("CONNECT ")) {
                RawHttp.RawRequest first = requests.get(0);
                StringBuilder head = new StringBuilder(RawHttp.visible(first.requestLine())).append("\r\n");
                for (org.sstpdoctor.probe.Header h : first.headers()) {
                    boolean secret = h.name().equalsIgnoreCase("Proxy-Authorization");
                    head.append(h.name()).append(": ").append(secret ? "(credentials, not shown)" : h.value())
                            .append("\r\n");
                }
                return head.append("\r\n").toString();
            }
        }
        return "";
    }

    private static String connectTarget(String requestLine) {
        String[] parts = requestLine.split(" ");
        return parts.length >= 2 ? RawHttp.visible(parts[1]) : "";
    }

    private static List<String> schemes(HttpReply reply) {
        List<String> schemes = new ArrayList<>();
        for (String value : reply.headers("Proxy-Authenticate")) {
            String scheme = value.trim().split("[\\s,]", 2)[0];
            if (!scheme.isEmpty() && !schemes.contains(scheme)) {
                schemes.add(scheme);
            }
        }
        return schemes;
    }
}
