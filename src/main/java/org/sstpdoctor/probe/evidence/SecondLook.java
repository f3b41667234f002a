package org.sstpdoctor.probe.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;
import org.sstpdoctor.probe.Cancellation;
import org.sstpdoctor.probe.HttpReply;
import org.sstpdoctor.probe.windows.ClientHelloProber;

/**
 * One more question to the server, to tell which SSTP server it is when the answer to the SSTP request
 * leaves it open: {@code GET /} over a new TLS connection along the same route (through the web proxy's
 * tunnel, asked for as the SSTP clients ask and never with credentials). Real servers answer it
 * differently (sstp-wire.md, "What answers, by behaviour"): SoftEther 403 (its root page, Protocol.c),
 * accel-ppp 404 with no Server header (sstp.c), Windows' HTTP.sys a 404 of its own, as RRAS registers
 * only the SSTP address (rrasblog "SSTP FAQ Part 3"), a web server its page.
 *
 * <p>Only the answer's head and the start of its body are read, then the connection is closed. Nothing
 * secret is sent, so the server's certificate is not judged here: the main probe judged it already.
 */
public final class SecondLook {
    /** How long the question may take at most, within the probe's deadline. */
    public static final long MAX_MILLIS = 3000;
    private static final int MAX_ANSWER = 16 * 1024;

    /** What was asked and what came back: the reply, or why there was none. */
    public record Answer(String request, HttpReply reply, String problem) {
        public Answer {
            problem = problem == null ? "" : problem;
        }

        /** "GET / answered 403 Forbidden", "GET / was closed without an answer". */
        public String describe() {
            if (reply == null) {
                return "GET / got no answer: " + problem;
            }
            String server = reply.header("Server").map(s -> " (Server: " + s + ")").orElse(" (no Server header)");
            return "GET / answered " + reply.code() + (reply.reason().isEmpty() ? "" : " " + reply.reason()) + server;
        }
    }

    /** Where to ask: the same route as the SSTP request's. */
    public record Route(String host, int port, String sniName, List<InetAddress> addresses, int connectPort,
                        String proxyHost) {
        public Route {
            addresses = List.copyOf(addresses);
        }
    }

    private SecondLook() {
    }

    /** The exact request sent: {@code GET /} with the server's Host, nothing else but {@code Connection: close}. */
    public static String request(String host, int port) {
        String name = host.contains(":") ? "[" + host + "]" : host;
        return "GET / HTTP/1.1\r\nHost: " + name + (port == 443 ? "" : ":" + port) + "\r\nConnection: close\r\n\r\n";
    }

    @SuppressWarnings("try") // the cancel registration is held only to be closed when the question ends
    public static Answer ask(Route route, long timeoutMillis, Cancellation cancellation) {
        String request = request(route.host(), route.port());
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.min(timeoutMillis, MAX_MILLIS));
        String problem = "no address to connect to";
        for (InetAddress address : route.addresses()) {
            long left = remaining(deadline);
            if (left <= 0 || cancellation.isCancelled()) {
                break;
            }
            try (Socket socket = new Socket()) {
                try (AutoCloseable ignored = cancellation.onCancel(() -> closeQuietly(socket))) {
                    socket.connect(new InetSocketAddress(address, route.connectPort()), (int) left);
                    return exchange(socket, route, request, deadline);
                }
            } catch (SocketTimeoutException e) {
                problem = "no answer before the time ran out";
            } catch (IOException e) {
                problem = cancellation.isCancelled() ? "cancelled" : reason(e);
            } catch (Exception e) {
                problem = reason(e);
            }
        }
        return new Answer(request, null, cancellation.isCancelled() ? "cancelled" : problem);
    }

    private static Answer exchange(Socket socket, Route route, String request, long deadline) throws IOException {
        socket.setTcpNoDelay(true);
        socket.setSoTimeout((int) Math.max(1, remaining(deadline)));
        if (route.proxyHost() != null) {
            OutputStream out = socket.getOutputStream();
            out.write(ClientHelloProber.connectRequest(route.host(), route.port()).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String head = readHead(socket.getInputStream());
            String[] status = head.split("\r?\n", 2)[0].split(" ", 3);
            if (status.length < 2 || !status[1].startsWith("2")) {
                return new Answer(request, null, "the proxy did not open the tunnel");
            }
        }
        SSLSocket tls = (SSLSocket) lookOnly().getSocketFactory().createSocket(socket, route.host(), route.port(), true);
        SSLParameters parameters = tls.getSSLParameters();
        if (route.sniName() != null) {
            parameters.setServerNames(List.of(new SNIHostName(route.sniName())));
        }
        parameters.setApplicationProtocols(new String[0]); // HTTP/1.1, as the SSTP request
        tls.setSSLParameters(parameters);
        tls.setSoTimeout((int) Math.max(1, remaining(deadline)));
        tls.startHandshake();
        OutputStream out = tls.getOutputStream();
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String answer = readAnswer(tls.getInputStream());
        return RawReply.parse(answer).map(r -> new Answer(request, r, ""))
                .orElseGet(() -> new Answer(request, null, answer.isEmpty() ? "the server closed the connection without an answer"
                        : "the answer is not HTTP"));
    }

    /** The answer's head and the start of its body, up to what arrived before the close or the limit. */
    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            int n;
            while (got.size() < MAX_ANSWER && (n = in.read(buffer)) >= 0) {
                got.write(buffer, 0, n);
                String text = got.toString(StandardCharsets.ISO_8859_1);
                int end = text.indexOf("\r\n\r\n");
                if (end >= 0 && text.length() >= end + 4 + Math.min(HttpReply.MAX_EXCERPT, bodyLength(text, end))) {
                    break;
                }
            }
        } catch (SocketTimeoutException e) {
            if (got.size() == 0) {
                throw e;
            }
        } catch (IOException e) {
            if (got.size() == 0) {
                return "";
            }
        }
        return got.toString(StandardCharsets.ISO_8859_1);
    }

    /** The body length the head announces, as much as is worth waiting for. */
    private static int bodyLength(String text, int headEnd) {
        for (String line : text.substring(0, headEnd).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                try {
                    return (int) Math.min(Integer.MAX_VALUE, Long.parseLong(line.substring(15).trim()));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return HttpReply.MAX_EXCERPT;
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (head.size() < MAX_ANSWER) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            if (head.size() >= 4 && head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                break;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** A TLS context that reads any certificate: the question carries no secret, and the main probe judged the chain. */
    private static SSLContext lookOnly() throws IOException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new javax.net.ssl.TrustManager[] {new AnyCertificate()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS is not available: " + e.getMessage(), e);
        }
    }

    private static final class AnyCertificate extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            throw new UnsupportedOperationException("client side only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            // read, not judged: see the class comment
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            throw new UnsupportedOperationException("client side only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            // read, not judged
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("client side only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // read, not judged
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    private static String reason(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String clean = org.sstpdoctor.text.PeerText.line(m);
        return clean.length() > 200 ? clean.substring(0, 200) + "..." : clean;
    }

    private static long remaining(long deadline) {
        return TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // cancelling: nothing more to do
        }
    }
}
