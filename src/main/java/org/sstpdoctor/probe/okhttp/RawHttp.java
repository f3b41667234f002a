package org.sstpdoctor.probe.okhttp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.sstpdoctor.probe.Header;
import org.sstpdoctor.probe.HttpReply;
import org.sstpdoctor.text.PeerText;

/**
 * Reads HTTP heads out of bytes captured from a socket (a proxy's CONNECT replies, the requests we
 * sent it). Lenient by design: it describes what came, it does not judge it; bad input ends the
 * list rather than throwing.
 */
final class RawHttp {
    /** A captured request: its first line and headers. */
    record RawRequest(String requestLine, List<Header> headers) {
        boolean has(String name) {
            return headers.stream().anyMatch(h -> h.name().equalsIgnoreCase(name));
        }
    }

    private RawHttp() {
    }

    static List<HttpReply> parseReplies(byte[] data) {
        return parseReplies(data, UnaryOperator.identity());
    }

    /**
     * The replies, each line and body passed through {@code scrub} before anything is kept (the
     * whole body before it is cut to an excerpt, so no part of a secret survives at the cut).
     */
    static List<HttpReply> parseReplies(byte[] data, UnaryOperator<String> scrub) {
        List<HttpReply> replies = new ArrayList<>();
        int pos = 0;
        while (pos < data.length) {
            int end = headEnd(data, pos);
            if (end < 0) {
                break;
            }
            List<String> lines = lines(data, pos, end).stream().map(scrub).toList();
            HttpReply reply = toReply(lines);
            if (reply == null) {
                break;
            }
            // An error page without Content-Length (tinyproxy's) runs to the close: keep what came.
            long length = reply.header("Content-Length").map(RawHttp::parseLength)
                    .orElse(reply.code() == 200 ? 0L : (long) data.length - end);
            int bodyEnd = (int) Math.min((long) data.length, end + Math.max(0, length));
            String body = scrub.apply(new String(data, end, bodyEnd - end, StandardCharsets.ISO_8859_1));
            String excerpt = body.substring(0, Math.min(body.length(), HttpReply.MAX_EXCERPT));
            replies.add(reply.withBodyExcerpt(PeerText.lines(excerpt)));
            pos = bodyEnd;
        }
        return replies;
    }

    static List<RawRequest> parseRequests(byte[] data) {
        List<RawRequest> requests = new ArrayList<>();
        int pos = 0;
        while (pos < data.length) {
            int end = headEnd(data, pos);
            if (end < 0) {
                break;
            }
            List<String> lines = lines(data, pos, end);
            if (lines.isEmpty()) {
                break;
            }
            requests.add(new RawRequest(lines.get(0), headers(lines)));
            pos = end;
        }
        return requests;
    }

    /** Parses a status line and headers; null if the first line is not an HTTP status line. */
    static HttpReply toReply(List<String> lines) {
        if (lines.isEmpty()) {
            return null;
        }
        String statusLine = lines.get(0);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/") || !parts[1].matches("\\d{3}")) {
            return null;
        }
        String reason = parts.length == 3 ? parts[2] : "";
        return new HttpReply(visible(statusLine), parts[0], Integer.parseInt(parts[1]), visible(reason), headers(lines), "", 0);
    }

    private static List<Header> headers(List<String> lines) {
        List<Header> headers = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.add(new Header(visible(line.substring(0, colon).trim()), visible(line.substring(colon + 1).trim())));
            }
        }
        return headers;
    }

    private static List<String> lines(byte[] data, int from, int end) {
        String text = new String(data, from, end - from, StandardCharsets.ISO_8859_1);
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** Index just past the blank line ending a head that starts at {@code from}, or -1. */
    static int headEnd(byte[] data, int from) {
        for (int i = from; i < data.length; i++) {
            if (data[i] != '\n') {
                continue;
            }
            if (i + 1 < data.length && data[i + 1] == '\n') {
                return i + 2;
            }
            if (i + 2 < data.length && data[i + 1] == '\r' && data[i + 2] == '\n') {
                return i + 3;
            }
        }
        return -1;
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Makes control, format and bidi characters visible so that a hostile peer cannot forge lines in a report. */
    static String visible(String s) {
        return PeerText.line(s);
    }
}
