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
import java.util.function.Function;
import org.sstpdoctor.target.InputException;
import org.sstpdoctor.target.ProxyAddressParser;
import org.sstpdoctor.target.ProxyEndpoint;

/**
 * A "proxy" that answers every request head with the bytes a real product sends (squid's error
 * pages with X-Squid-Error, tinyproxy's reason phrases, nginx's 400 to CONNECT), chosen by a
 * function of the request head; it records every head it receives.
 */
public final class CannedProxy implements AutoCloseable {
    private final ServerSocket server;
    private final Function<String, String> reply;
    private final List<String> heads = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    public CannedProxy(Function<String, String> reply) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.reply = reply;
        this.acceptor = new Thread(this::loop, "canned-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static CannedProxy always(String reply) throws IOException {
        return new CannedProxy(head -> reply);
    }

    public ProxyEndpoint endpoint() {
        try {
            return ProxyAddressParser.parse("127.0.0.1:" + server.getLocalPort());
        } catch (InputException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<String> heads() {
        return List.copyOf(heads);
    }

    private void loop() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                s.setSoTimeout(5000);
                String head = readHead(s.getInputStream());
                if (head != null) {
                    heads.add(head);
                    s.getOutputStream().write(reply.apply(head).getBytes(StandardCharsets.ISO_8859_1));
                    s.getOutputStream().flush();
                }
            } catch (IOException e) {
                // closed, or the client went away: next connection
            }
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && head.size() < 65536) {
            head.write(b);
            String text = head.toString(StandardCharsets.ISO_8859_1);
            if (text.endsWith("\r\n\r\n")) {
                return text;
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        server.close();
        try {
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
