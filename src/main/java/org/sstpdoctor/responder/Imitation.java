package org.sstpdoctor.responder;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A real SSTP server's answers, imitated: its 200 to the SSTP request, the hash protocols its Ack
 * offers, and what it answers to anything else (a GET, another method, another address). From the
 * reference notes (sstp-knowledge.md §1, "What servers do with a non-SSTP request"; sstp-wire.md,
 * "What answers, by behaviour"); where a behaviour is UNCONFIRMED the comment says what is assumed.
 */
public enum Imitation {
    /**
     * Windows RRAS: {@code HTTP/1.1 200} with no reason phrase and {@code Server: Microsoft-HTTPAPI/2.0}
     * ([MS-SSTP] 4.1; nmap sstp-discover.nse). HTTP.sys serves only the SSTP address to RRAS (rrasblog
     * "SSTP FAQ Part 3"); anything else gets HTTP.sys' own 404 (UNCONFIRMED: the blog says "dropped").
     * The Ack's hash protocols are UNCONFIRMED: both are offered here.
     */
    WINDOWS_RRAS("HTTP/1.1 200", "Microsoft-HTTPAPI/2.0", 0x03),
    /**
     * SoftEther: {@code 200 OK} imitating Windows' Server header, SHA-256 only in the Ack (Proto_SSTP.c);
     * 404 to SSTP_DUPLEX_POST at another address, 403 to {@code GET /}, 501 to other methods (Protocol.c).
     */
    SOFTETHER("HTTP/1.1 200 OK", "Microsoft-HTTPAPI/2.0", 0x02),
    /**
     * MikroTik RouterOS: {@code HTTP/1.1 200} with {@code Server: MikroTik-SSTP} (nmap sstp-discover.nse).
     * What it answers to anything else is UNCONFIRMED: here it closes the connection. Hash protocols
     * UNCONFIRMED: both.
     */
    MIKROTIK("HTTP/1.1 200", "MikroTik-SSTP", 0x03),
    /**
     * accel-ppp: {@code 200 OK} with a Date and no Server header, SHA-1 and SHA-256 by default
     * ({@code cert-hash-proto}); 400 to a malformed request line, 501 to methods other than
     * SSTP_DUPLEX_POST and GET, 404 to a GET or another address (sstp.c).
     */
    ACCEL_PPP("HTTP/1.1 200 OK", "", 0x03);

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.US);

    private final String statusLine200;
    private final String server;
    private final int hashBitmask;

    Imitation(String statusLine200, String server, int hashBitmask) {
        this.statusLine200 = statusLine200;
        this.server = server;
        this.hashBitmask = hashBitmask;
    }

    /** The hash protocols its Ack offers (1 SHA-1, 2 SHA-256). */
    public int hashBitmask() {
        return hashBitmask;
    }

    /** The head of its 200 to the SSTP request. */
    String okHead() {
        return statusLine200 + "\r\nContent-Length: " + org.sstpdoctor.sstp.SstpHttp.CONTENT_LENGTH + "\r\n"
                + (server.isEmpty() ? "" : "Server: " + server + "\r\n") + "Date: " + date() + "\r\n\r\n";
    }

    /**
     * Answers a request that is not the SSTP one as this server does, and returns true; returns false
     * for the SSTP request itself (the caller sends {@link #okHead()} and the SSTP exchange follows).
     */
    boolean refuse(String requestLine, OutputStream out) throws IOException {
        String[] parts = requestLine.split(" ");
        boolean wellFormed = parts.length == 3 && parts[2].startsWith("HTTP/1.");
        String method = wellFormed ? parts[0] : "";
        boolean sstp = wellFormed && method.equals(org.sstpdoctor.sstp.SstpHttp.METHOD)
                && parts[1].equalsIgnoreCase(SstpResponder.SSTP_PATH) && parts[2].equals("HTTP/1.1");
        if (sstp) {
            return false;
        }
        switch (this) {
            case WINDOWS_RRAS -> send(out, 404, "Not Found", "Microsoft-HTTPAPI/2.0",
                    "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\"\"http://www.w3.org/TR/html4/strict.dtd\">\r\n"
                            + "<HTML><HEAD><TITLE>Not Found</TITLE>\r\n<META HTTP-EQUIV=\"Content-Type\" Content=\"text/html; "
                            + "charset=us-ascii\"></HEAD>\r\n<BODY><h2>Not Found</h2>\r\n<hr><p>HTTP Error 404. The requested "
                            + "resource is not found.</p>\r\n</BODY></HTML>\r\n");
            case SOFTETHER -> {
                if (!wellFormed) {
                    send(out, 400, "Bad Request", "", "");
                } else if (method.equals("GET") && parts[1].equals("/")) {
                    send(out, 403, "Forbidden", "", "<HTML><BODY><H1>403 Forbidden</H1></BODY></HTML>\r\n");
                } else if (method.equals("GET") || method.equals("HEAD") || method.equals(org.sstpdoctor.sstp.SstpHttp.METHOD)) {
                    send(out, 404, "Not Found", "", "<HTML><BODY><H1>404 Not Found</H1></BODY></HTML>\r\n");
                } else if (method.equals("POST")) {
                    send(out, 403, "Forbidden", "", "<HTML><BODY><H1>403 Forbidden</H1></BODY></HTML>\r\n");
                } else {
                    send(out, 501, "Not Implemented", "", "<HTML><BODY><H1>501 Not Implemented</H1></BODY></HTML>\r\n");
                }
            }
            case MIKROTIK -> {
                // UNCONFIRMED what RouterOS answers: nothing, here.
            }
            case ACCEL_PPP -> {
                if (!wellFormed) {
                    send(out, 400, "Bad Request", "", "");
                } else if (!method.equals(org.sstpdoctor.sstp.SstpHttp.METHOD) && !method.equals("GET")) {
                    send(out, 501, "Not Implemented", "", "");
                } else {
                    send(out, 404, "Not Found", "", "");
                }
            }
        }
        return true;
    }

    private static void send(OutputStream out, int code, String reason, String server, String body) throws IOException {
        byte[] page = body.getBytes(StandardCharsets.US_ASCII);
        String head = "HTTP/1.1 " + code + " " + reason + "\r\n" + (server.isEmpty() ? "" : "Server: " + server + "\r\n")
                + "Date: " + date() + "\r\n" + (page.length == 0 ? "" : "Content-Type: text/html\r\n")
                + "Content-Length: " + page.length + "\r\nConnection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(page);
        out.flush();
    }

    private static String date() {
        return HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC));
    }
}
