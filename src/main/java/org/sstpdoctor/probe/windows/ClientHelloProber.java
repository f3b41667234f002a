package org.sstpdoctor.probe.windows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.sstpdoctor.probe.Cancellation;
import org.sstpdoctor.probe.Failure;

/**
 * Sends one Windows family's ClientHello over a plain socket (through the web proxy's tunnel when
 * there is one) and reads only the answer: the ServerHello or the alert. Then it hangs up.
 *
 * <p>The proxy tunnel is asked for as the SSTP clients ask ([MS-SSTP] 4.5 and Open SSTP Client:
 * {@code CONNECT host:port}, {@code Host}, {@code SSTPVERSION: 1.0}) and never with credentials:
 * Windows' SSTP client cannot sign in to a proxy.
 */
public final class ClientHelloProber {
    private static final int MAX_PROXY_HEAD = 16 * 1024;

    /**
     * @param host the VPN server's ASCII host name or address literal (for CONNECT and SNI)
     * @param sniName the name for SNI, or null for an IP literal
     * @param addresses where to connect: the server's addresses, or the proxy's when proxyHost is set
     * @param proxyHost non-null when connecting through a web proxy (only for the CONNECT line's sake)
     */
    public record Route(String host, int port, String sniName, List<InetAddress> addresses, int connectPort,
                        String proxyHost) {
        public Route {
            addresses = List.copyOf(addresses);
        }

        public boolean viaProxy() {
            return proxyHost != null;
        }
    }

    private ClientHelloProber() {
    }

    /** The exact CONNECT request the prober sends to a proxy. */
    public static String connectRequest(String host, int port) {
        String authority = (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        return "CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\nSSTPVERSION: 1.0\r\n\r\n";
    }

    @SuppressWarnings("try") // the cancel registration is held only to be closed when the handshake ends
    public static HelloAnswer probe(Route route, byte[] clientHello, long timeoutMillis, Cancellation cancellation) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        if (route.addresses().isEmpty()) {
            return HelloAnswer.of(HelloAnswer.Kind.NOT_REACHED, "no address to connect to");
        }
        IOException last = null;
        for (InetAddress address : route.addresses()) {
            long left = remaining(deadline);
            if (left <= 0 || cancellation.isCancelled()) {
                break;
            }
            try (Socket socket = new Socket()) {
                try (AutoCloseable ignored = cancellation.onCancel(() -> closeQuietly(socket))) {
                    socket.connect(new InetSocketAddress(address, route.connectPort()), (int) left);
                    socket.setTcpNoDelay(true);
                    return exchange(socket, route, clientHello, deadline);
                }
            } catch (IOException e) {
                last = e;
            } catch (Exception e) {
                // AutoCloseable.close() of the cancel hook does not throw
                return HelloAnswer.of(HelloAnswer.Kind.NOT_REACHED, e.toString());
            }
        }
        if (cancellation.isCancelled()) {
            return HelloAnswer.of(HelloAnswer.Kind.NOT_REACHED, "cancelled");
        }
        if (last instanceof SocketTimeoutException || remaining(deadline) <= 0) {
            return HelloAnswer.of(HelloAnswer.Kind.TIMEOUT, "no connection before the time ran out");
        }
        return HelloAnswer.of(HelloAnswer.Kind.NOT_REACHED, "could not connect"
                + (route.viaProxy() ? " to the proxy" : "") + ": " + (last == null ? "no time left" : reason(last)));
    }

    private static HelloAnswer exchange(Socket socket, Route route, byte[] clientHello, long deadline) throws IOException {
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        try {
            if (route.viaProxy()) {
                socket.setSoTimeout((int) Math.max(1, remaining(deadline)));
                out.write(connectRequest(route.host(), route.port()).getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String statusLine = readProxyHead(in);
                String[] parts = statusLine.split(" ", 3);
                if (parts.length < 2 || !parts[0].startsWith("HTTP/") || !parts[1].startsWith("2")) {
                    return HelloAnswer.of(HelloAnswer.Kind.NOT_REACHED, "the proxy did not open the tunnel: "
                            + visible(statusLine));
                }
            }
            socket.setSoTimeout((int) Math.max(1, remaining(deadline)));
            out.write(clientHello);
            out.flush();
            return ServerHelloReader.read(in);
        } catch (SocketTimeoutException e) {
            return HelloAnswer.of(HelloAnswer.Kind.TIMEOUT, "no answer to the ClientHello before the time ran out");
        } catch (IOException e) {
            if (socket.isClosed()) {
                throw e;
            }
            return HelloAnswer.of(HelloAnswer.Kind.CLOSED, Failure.of(e).is(Failure.Kind.RESET)
                    ? "the server reset the connection instead of answering the ClientHello"
                    : "the server closed the connection: " + reason(e));
        }
    }

    /** The proxy's reply head, up to the blank line; returns its status line. */
    private static String readProxyHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (head.size() < MAX_PROXY_HEAD) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = (b == '\r' || b == '\n') ? matched + 1 : 0;
            String text = head.toString(StandardCharsets.ISO_8859_1);
            if (matched >= 2 && (text.endsWith("\r\n\r\n") || text.endsWith("\n\n"))) {
                break;
            }
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        return text.isEmpty() ? "(the proxy closed the connection)" : text.split("\r?\n", 2)[0];
    }

    private static String visible(String s) {
        String clean = org.sstpdoctor.text.PeerText.line(s);
        return clean.length() > 200 ? clean.substring(0, 200) + "..." : clean;
    }

    private static String reason(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : visible(e.getMessage());
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
