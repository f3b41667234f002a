package org.sstpdoctor.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A loopback TLS server restricted through {@link SSLParameters} to some protocol versions and
 * cipher suites, as a VPN server hardened (or misconfigured) that way would be. It completes the
 * handshake when it can and then waits for the client to leave.
 */
public final class RestrictedTlsServer implements AutoCloseable {
    private final SSLServerSocket server;
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor;

    public RestrictedTlsServer(SSLContext context, String[] protocols, String[] suites) throws IOException {
        server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        SSLParameters parameters = server.getSSLParameters();
        if (protocols != null) {
            parameters.setProtocols(protocols);
        }
        if (suites != null) {
            parameters.setCipherSuites(suites);
        }
        server.setSSLParameters(parameters);
        acceptor = new Thread(this::acceptLoop, "restricted-tls-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public int connections() {
        return connections.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                Thread t = new Thread(() -> serve((SSLSocket) socket), "restricted-tls-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void serve(SSLSocket socket) {
        try (socket) {
            socket.setSoTimeout(5000);
            socket.startHandshake();
            InputStream in = socket.getInputStream();
            while (in.read() >= 0) {
                // hold the connection until the client leaves
            }
        } catch (IOException e) {
            // the prober hangs up after the ServerHello: expected
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
