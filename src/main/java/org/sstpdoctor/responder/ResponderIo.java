package org.sstpdoctor.responder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** The responder's byte-level helpers: HTTP heads and error pages, reading a request head, resets. */
final class ResponderIo {
    static final int MAX_HEAD = 16 * 1024;
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.US);

    private ResponderIo() {
    }

    static String statusHead(String statusLine) {
        return statusLine + "\r\nContent-Length: " + org.sstpdoctor.sstp.SstpHttp.CONTENT_LENGTH + "\r\nServer: Microsoft-HTTPAPI/2.0\r\nDate: "
                + HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC)) + "\r\n\r\n";
    }

    static void sendError(OutputStream out, int status) throws IOException {
        sendError(out, status, "Microsoft-HTTPAPI/2.0");
    }

    static void sendError(OutputStream out, int status, String server) throws IOException {
        String reason = reason(status);
        byte[] body = ("<html><head><title>" + status + " " + reason + "</title></head><body><h1>" + reason
                + "</h1></body></html>\n").getBytes(StandardCharsets.US_ASCII);
        writeAscii(out, "HTTP/1.1 " + status + (reason.isEmpty() ? "" : " " + reason) + "\r\nServer: " + server
                + "\r\nContent-Type: text/html\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n");
        out.write(body);
        out.flush();
    }

    static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 407 -> "Proxy Authentication Required";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            case 505 -> "HTTP Version Not Supported";
            default -> "";
        };
    }

    /** Reads up to the blank line ending a request head; empty if the client closed first. */
    static Optional<byte[]> readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        while (head.size() < MAX_HEAD) {
            int b = in.read();
            if (b < 0) {
                return Optional.empty();
            }
            head.write(b);
            // CR LF CR LF, tracked byte by byte so that nothing after the head is consumed.
            state = switch (state) {
                case 0, 2 -> b == '\r' ? state + 1 : 0;
                case 1, 3 -> b == '\n' ? state + 1 : (b == '\r' ? 1 : 0);
                default -> 0;
            };
            if (state == 4) {
                return Optional.of(head.toByteArray());
            }
        }
        return Optional.empty();
    }

    static void waitForClose(InputStream in) {
        try {
            byte[] sink = new byte[1024];
            while (in.read(sink) >= 0) {
                // discard: a silent peer listens and says nothing
            }
        } catch (IOException ignored) {
            // closed or timed out: either way the silence is over
        }
    }

    static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0); // close with RST instead of FIN
        } catch (SocketException ignored) {
            // a socket that cannot linger still closes
        }
        closeQuietly(socket);
    }

    static void writeAscii(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("responder stopped");
        }
    }

    static void closeQuietly(java.io.Closeable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
    }
}
