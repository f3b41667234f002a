package org.sstpdoctor.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.sstpdoctor.target.InputException;
import org.sstpdoctor.target.ProxyAddressParser;
import org.sstpdoctor.target.ProxyEndpoint;

/**
 * A proxy of the test's own on a raw socket, for answers LittleProxy does not give: tinyproxy's
 * 407-then-401, silence, garbage, a dropped tunnel. It records every request head it receives.
 */
public final class ScriptedProxy implements AutoCloseable {
    public enum Mode { TINYPROXY_AUTH, GARBAGE, CLOSE, SILENT, DROP_AFTER_CONNECT }

    private final Mode mode;
    private final ServerSocket server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "scripted-proxy");
        t.setDaemon(true);
        return t;
    });
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    public ScriptedProxy(Mode mode) throws IOException {
        this.mode = mode;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pool.execute(this::acceptLoop);
    }

    public ProxyEndpoint endpoint() {
        try {
            return ProxyAddressParser.parse("127.0.0.1:" + server.getLocalPort());
        } catch (InputException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every request head received, as text. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                sockets.add(s);
                pool.execute(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            s.setSoTimeout(10_000);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                requests.add(head);
                switch (mode) {
                    case TINYPROXY_AUTH -> {
                        boolean withCredentials = head.toLowerCase().contains("proxy-authorization:");
                        String reply = withCredentials
                                ? "HTTP/1.0 401 Unauthorized\r\nServer: tinyproxy/1.11.1\r\nContent-Length: 0\r\n"
                                        + "Connection: close\r\n\r\n"
                                : "HTTP/1.0 407 Proxy Authentication Required\r\nServer: tinyproxy/1.11.1\r\n"
                                        + "Proxy-Authenticate: Basic realm=\"tinyproxy\"\r\nContent-Length: 0\r\n"
                                        + "Connection: close\r\n\r\n";
                        out.write(reply.getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        return;
                    }
                    case GARBAGE -> {
                        out.write("\u0000\u0001\u0002 this is not HTTP\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                        return;
                    }
                    case CLOSE -> {
                        return;
                    }
                    case SILENT -> {
                        while (in.read() >= 0) {
                            // say nothing until the client gives up
                        }
                        return;
                    }
                    case DROP_AFTER_CONNECT -> {
                        out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        return;
                    }
                    default -> {
                        return;
                    }
                }
            }
        } catch (IOException ignored) {
            // the client went away
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            String text = head.toString(StandardCharsets.ISO_8859_1);
            if (text.endsWith("\r\n\r\n")) {
                return text;
            }
            if (head.size() > 65536) {
                return text;
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
