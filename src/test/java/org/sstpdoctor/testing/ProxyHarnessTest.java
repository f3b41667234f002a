package org.sstpdoctor.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.util.internal.logging.InternalLoggerFactory;
import io.netty.util.internal.logging.JdkLoggerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.RepeatedTest;

/**
 * The test proxy stops quietly: closing it while tunnels are open (as a test that ends mid-exchange
 * does) leaves no task for a stopped event loop, so Netty logs nothing, and no thread of it is left.
 */
class ProxyHarnessTest {
    private static final int TUNNELS = 4;

    @RepeatedTest(5)
    void closingWithOpenTunnelsLogsNothingAndEndsEveryThread() throws Exception {
        // Netty found no SLF4J provider it accepts (slf4j-nop), so it logs through java.util.logging: listen there.
        assertInstanceOf(JdkLoggerFactory.class, InternalLoggerFactory.getDefaultFactory());
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler listener = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                    logged.add(r);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(listener);
        List<Socket> sockets = new ArrayList<>();
        ProxyHarness proxy = ProxyHarness.open();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            for (int i = 0; i < TUNNELS; i++) {
                Socket client = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
                client.setSoTimeout(5_000);
                sockets.add(client);
                OutputStream out = client.getOutputStream();
                out.write(("CONNECT 127.0.0.1:" + server.getLocalPort() + " HTTP/1.1\r\nHost: 127.0.0.1:"
                        + server.getLocalPort() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertTrue(head(client.getInputStream()).startsWith("HTTP/1.1 200"), "the tunnel opens");
                Socket far = server.accept();
                far.setSoTimeout(5_000);
                sockets.add(far);
                out.write('x');
                out.flush();
                assertEquals('x', far.getInputStream().read(), "bytes go through the tunnel");
            }
            proxy.close(); // every tunnel still open
            assertTrue(proxy.stopped(), "every thread of the proxy has ended");
            assertEquals(-1, sockets.get(0).getInputStream().read(), "the proxy closed its side of the tunnel");
        } finally {
            root.removeHandler(listener);
            for (Socket s : sockets) {
                s.close();
            }
        }
        assertEquals(List.of(), logged.stream().map(r -> r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage()
                + (r.getThrown() == null ? "" : " " + r.getThrown())).toList(), "nothing logged while stopping");
    }

    private static String head(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n") && head.length() < 4096) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }
}
