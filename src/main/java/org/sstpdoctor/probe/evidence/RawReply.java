package org.sstpdoctor.probe.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sstpdoctor.probe.Header;
import org.sstpdoctor.probe.HttpReply;
import org.sstpdoctor.text.PeerText;

/** An HTTP answer read off a raw socket (no HTTP client in between): made visible where it is captured. */
final class RawReply {
    private RawReply() {
    }

    /** The status line, headers and the start of the body; empty when the text is not an HTTP answer. */
    static Optional<HttpReply> parse(String text) {
        if (text == null || !text.startsWith("HTTP/")) {
            return Optional.empty();
        }
        String[] headAndBody = text.split("\r?\n\r?\n", 2);
        String[] lines = headAndBody[0].split("\r?\n");
        String[] status = lines[0].split(" ", 3);
        int code;
        try {
            code = Integer.parseInt(status.length > 1 ? status[1].trim() : "");
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        List<Header> headers = new ArrayList<>();
        for (int i = 1; i < lines.length && i <= HttpReply.MAX_HEADERS; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.add(new Header(PeerText.line(lines[i].substring(0, colon).trim()),
                        PeerText.line(lines[i].substring(colon + 1).trim())));
            }
        }
        String body = headAndBody.length > 1 ? headAndBody[1] : "";
        return Optional.of(new HttpReply(PeerText.line(lines[0]), PeerText.line(status[0]), code,
                PeerText.line(status.length > 2 ? status[2] : ""), headers,
                PeerText.lines(body.length() > HttpReply.MAX_EXCERPT ? body.substring(0, HttpReply.MAX_EXCERPT) : body), 0));
    }
}
