package org.sstpdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sstpdoctor.testing.TestProbes;

/**
 * A server whose accept queue is full drops new connection attempts without answering, exactly
 * like a firewall that silently drops packets: the only loopback way to see a connect timeout.
 */
class ConnectTimeoutTest {
    @Test
    void droppedConnectionAttemptsEndInConnectTimeout() throws Exception {
        List<Socket> fillers = new ArrayList<>();
        try (ServerSocket full = new ServerSocket()) {
            full.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
            // Fill the accept queue (never accepted), until a connect attempt no longer succeeds.
            for (int i = 0; i < 16; i++) {
                Socket s = new Socket();
                try {
                    s.connect(full.getLocalSocketAddress(), 200);
                    fillers.add(s);
                } catch (java.net.SocketTimeoutException e) {
                    s.close();
                    break;
                }
            }
            ProbeReport report = TestProbes.probe().run(TestProbes.request("127.0.0.1:" + full.getLocalPort())
                    .withTimeout(Duration.ofMillis(700)));
            assertEquals(Outcome.CONNECT_TIMEOUT, report.outcome(), report.detail());
            assertEquals(AnsweredBy.NOBODY, report.answeredBy());
            assertEquals(StageStatus.FAILED, report.stage(Stage.TCP_CONNECT).orElseThrow().status());
            assertTrue(report.connectAttempts().get(0).endsWith("timed out"), report.connectAttempts().toString());
        } finally {
            for (Socket s : fillers) {
                s.close();
            }
        }
    }
}
