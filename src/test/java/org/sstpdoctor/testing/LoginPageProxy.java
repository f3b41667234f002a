package org.sstpdoctor.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.sstpdoctor.target.InputException;
import org.sstpdoctor.target.ProxyAddressParser;
import org.sstpdoctor.target.ProxyEndpoint;

/**
 * A guest-network proxy that answers every CONNECT with its login page: a 302 to the page, or a
 * 200 with the page itself and no tunnel (then it keeps the connection open, as such portals do).
 */
public final class LoginPageProxy implements AutoCloseable {
    /**
     * REDIRECT and PAGE_200 answer a proxy's CONNECT; TLS_PORT_PAGE is a network that answers the VPN
     * server's TLS port itself with its login page (200 and HTML), whatever the client sent first.
     */
    public enum Mode { REDIRECT, PAGE_200, TLS_PORT_PAGE }

    public static final String LOGIN_URL = "http://login.guest-wifi.example/portal?orig=vpn";

    private final Mode mode;
    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    public LoginPageProxy(Mode mode) throws IOException {
        this.mode = mode;
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "login-page-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public ProxyEndpoint endpoint() {
        try {
            return ProxyAddressParser.parse("127.0.0.1:" + server.getLocalPort());
        } catch (InputException e) {
            throw new IllegalStateException(e);
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                sockets.add(s);
                Thread t = new Thread(() -> serve(s), "login-page-proxy-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            s.setSoTimeout(10_000);
            InputStream in = s.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int b;
            if (mode == Mode.TLS_PORT_PAGE && in.read(new byte[4096]) < 0) { // a ClientHello: no blank line to wait for
                return;
            }
            while (mode != Mode.TLS_PORT_PAGE && (b = in.read()) >= 0 && head.size() < 65536) {
                head.write(b);
                if (head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                    break;
                }
            }
            String page = "<!DOCTYPE html><html><head><title>Guest Wi-Fi</title>"
                    + "<meta http-equiv=\"refresh\" content=\"0; url=" + LOGIN_URL + "\"></head>"
                    + "<body>Please sign in to use the Internet.</body></html>";
            String reply = mode == Mode.REDIRECT
                    ? "HTTP/1.1 302 Found\r\nLocation: " + LOGIN_URL + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    : "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " + page.length() + "\r\n\r\n" + page;
            s.getOutputStream().write(reply.getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            if (mode != Mode.REDIRECT) {
                while (in.read() >= 0) {
                    // keep the connection open, as a portal does, until the client leaves
                }
            }
        } catch (IOException ignored) {
            // the client went away
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
