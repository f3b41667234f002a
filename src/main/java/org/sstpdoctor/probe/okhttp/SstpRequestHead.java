package org.sstpdoctor.probe.okhttp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sstpdoctor.target.AddressParser;

/**
 * Puts the SSTP request head on the wire in the form real clients use. OkHttp percent-encodes the
 * braces of {@code /sra_{GUID}/}, and a real SSTP server (SoftEther) answers 404 to that form; it
 * also adds headers an SSTP client does not send. This rewrite runs below OkHttp, on the bytes.
 */
public final class SstpRequestHead {
    static final String ENCODED_PATH = org.sstpdoctor.sstp.SstpHttp.ENCODED_PATH;
    /** Headers OkHttp's bridge adds that an SSTP client does not send; OkHttp never needs them on the wire. */
    private static final Set<String> DROPPED = Set.of("connection", "accept-encoding", "user-agent");

    private SstpRequestHead() {
    }

    /**
     * Rewrites one request head (request line, headers, blank line). A head that is not an SSTP
     * request is returned unchanged.
     */
    public static byte[] rewrite(byte[] head) {
        String text = new String(head, StandardCharsets.ISO_8859_1);
        if (!text.startsWith(org.sstpdoctor.sstp.SstpHttp.METHOD + " ") || !text.endsWith("\r\n\r\n")) {
            return head;
        }
        String[] lines = text.substring(0, text.length() - 4).split("\r\n", -1);
        String[] requestLine = lines[0].split(" ", -1);
        if (requestLine.length != 3) {
            return head;
        }
        String path = requestLine[1].equalsIgnoreCase(ENCODED_PATH) ? AddressParser.SSTP_PATH : requestLine[1];
        StringBuilder out = new StringBuilder(text.length());
        out.append(requestLine[0]).append(' ').append(path).append(' ').append(requestLine[2]).append("\r\n");
        List<String> kept = new ArrayList<>();
        String host = null;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            int colon = line.indexOf(':');
            String name = colon < 0 ? line : line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            if (name.equals("host")) {
                host = line;
            } else if (!DROPPED.contains(name)) {
                kept.add(line);
            }
        }
        // Host first, as clients conventionally send it; then the SSTP headers in the order given.
        if (host != null) {
            out.append(host).append("\r\n");
        }
        kept.forEach(line -> out.append(line).append("\r\n"));
        out.append("\r\n");
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
