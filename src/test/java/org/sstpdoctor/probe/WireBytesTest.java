package org.sstpdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sstpdoctor.probe.okhttp.SstpRequestHead;
import org.sstpdoctor.responder.ResponderConfig;
import org.sstpdoctor.responder.Scenario;
import org.sstpdoctor.responder.SstpResponder;
import org.sstpdoctor.testing.ProxyHarness;
import org.sstpdoctor.testing.TestCertificates;
import org.sstpdoctor.testing.TestProbes;

/** The exact bytes the probe puts on the wire, as the server receives them. */
class WireBytesTest {
    private static final Pattern REQUEST_HEAD = Pattern.compile(
            "SSTP_DUPLEX_POST /sra_\\{BA195980-CD49-458b-9E23-C84EE0ADCD75\\}/ HTTP/1\\.1\r\n"
                    + "Host: localhost:(\\d+)\r\n"
                    + "SSTPCORRELATIONID: \\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\\}\r\n"
                    + "Content-Length: 18446744073709551615\r\n"
                    + "\r\n");

    private static final byte[] CALL_CONNECT_REQUEST = HexFormat.of().parseHex("1001000e000100010001000600 01".replace(" ", ""));
    private static final byte[] CALL_DISCONNECT = HexFormat.of().parseHex("1001000800060000");

    @Test
    void requestHeadAndControlPacketsAreExactlyWhatSstpClientsSend() throws IOException {
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid()))) {
            ProbeReport report = TestProbes.probe().run(TestProbes.local(server.port()));
            org.sstpdoctor.testing.TestProbes.assertSstpAck(report);
            SstpResponder.Exchange exchange = server.awaitExchanges(1, Duration.ofSeconds(5)).get(0);
            var m = REQUEST_HEAD.matcher(exchange.requestHeadText());
            assertTrue(m.matches(), "on the wire:\n" + exchange.requestHeadText());
            assertEquals(Integer.toString(server.port()), m.group(1));
            assertEquals(exchange.requestHeadText(), report.requestHead(), "the report shows what was sent");
            assertEquals(2, exchange.packetsReceived().size());
            assertArrayEquals(CALL_CONNECT_REQUEST, exchange.packetsReceived().get(0));
            assertArrayEquals(CALL_DISCONNECT, exchange.packetsReceived().get(1));
            assertEquals("10 01 00 0e 00 01 00 01 00 01 00 06 00 01", report.sstp().requestHex());
        }
    }

    @Test
    void sameBytesThroughAProxy() throws IOException {
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid()));
             ProxyHarness proxy = ProxyHarness.open()) {
            ProbeReport report = TestProbes.probe().run(TestProbes.local(server.port())
                    .withProxy(ProxySettings.manual(proxy.endpoint())));
            org.sstpdoctor.testing.TestProbes.assertSstpAck(report);
            assertTrue(REQUEST_HEAD.matcher(server.awaitExchanges(1, Duration.ofSeconds(5)).get(0).requestHeadText()).matches(),
                    server.awaitExchanges(1, Duration.ofSeconds(5)).get(0).requestHeadText());
        }
    }

    @Test
    void rewriteRestoresLiteralBracesAndDropsOkHttpHeaders() {
        String okhttp = "SSTP_DUPLEX_POST /sra_%7BBA195980-CD49-458b-9E23-C84EE0ADCD75%7D/ HTTP/1.1\r\n"
                + "SSTPCORRELATIONID: {X}\r\nContent-Length: 18446744073709551615\r\nHost: vpn.example.com\r\n"
                + "Connection: Keep-Alive\r\nAccept-Encoding: gzip\r\nUser-Agent: okhttp/5.5.1\r\n\r\n";
        String expected = "SSTP_DUPLEX_POST /sra_{BA195980-CD49-458b-9E23-C84EE0ADCD75}/ HTTP/1.1\r\n"
                + "Host: vpn.example.com\r\nSSTPCORRELATIONID: {X}\r\nContent-Length: 18446744073709551615\r\n\r\n";
        assertEquals(expected, new String(SstpRequestHead.rewrite(okhttp.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)),
                java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    @Test
    void otherRequestsAreLeftAlone() {
        for (String head : List.of("GET / HTTP/1.1\r\nHost: x\r\n\r\n", "SSTP_DUPLEX_POST /x HTTP/1.1\r\nHost: x\r\n",
                "SSTP_DUPLEX_POST  HTTP/1.1\r\n\r\n")) {
            byte[] bytes = head.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            String out = new String(SstpRequestHead.rewrite(bytes), java.nio.charset.StandardCharsets.ISO_8859_1);
            if (!head.startsWith("SSTP_DUPLEX_POST /x")) {
                assertEquals(head, out);
            }
        }
    }

    @Test
    void encodedFormIsRefusedByTheResponderLikeARealServer() throws Exception {
        // SoftEther answers 404 to the percent-encoded path; the responder does the same, which is
        // why the probe must restore the literal braces.
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid()))) {
            javax.net.ssl.SSLContext client = javax.net.ssl.SSLContext.getInstance("TLS");
            client.init(null, new javax.net.ssl.TrustManager[] {org.sstpdoctor.probe.TrustStores.withExtra(
                    List.of(TestCertificates.CA.certificate()))}, null);
            try (var socket = client.getSocketFactory().createSocket("127.0.0.1", server.port())) {
                socket.getOutputStream().write(("SSTP_DUPLEX_POST /sra_%7BBA195980-CD49-458b-9E23-C84EE0ADCD75%7D/ HTTP/1.1\r\n"
                        + "Host: localhost\r\nContent-Length: 18446744073709551615\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                        java.nio.charset.StandardCharsets.US_ASCII)).readLine();
                assertEquals("HTTP/1.1 404 Not Found", status);
            }
        }
    }

    @Test
    void responderAcceptsNonCanonicalCorrelationIds() throws Exception {
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid()))) {
            javax.net.ssl.SSLContext client = javax.net.ssl.SSLContext.getInstance("TLS");
            client.init(null, new javax.net.ssl.TrustManager[] {org.sstpdoctor.probe.TrustStores.withExtra(
                    List.of(TestCertificates.CA.certificate()))}, null);
            try (var socket = client.getSocketFactory().createSocket("127.0.0.1", server.port())) {
                var out = socket.getOutputStream();
                // what sstpc sends: a correlation id that is not a canonical GUID
                out.write(("SSTP_DUPLEX_POST /sra_{BA195980-CD49-458b-9E23-C84EE0ADCD75}/ HTTP/1.1\r\n"
                        + "Host: localhost\r\nSSTPCORRELATIONID: {47A97CE8-960A-1B12-48CA4E23}\r\n"
                        + "Content-Length: 18446744073709551615\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                out.write(CALL_CONNECT_REQUEST);
                out.flush();
                var in = new java.io.DataInputStream(socket.getInputStream());
                StringBuilder head = new StringBuilder();
                while (!head.toString().endsWith("\r\n\r\n")) {
                    head.append((char) in.readUnsignedByte());
                }
                assertTrue(head.toString().startsWith("HTTP/1.1 200 OK\r\n"), head.toString());
                byte[] ack = new byte[48];
                in.readFully(ack);
                assertEquals("10 01 00 30 00 02 00 01 00 04 00 28 00 00 00 02",
                        org.sstpdoctor.sstp.SstpCodec.hex(java.util.Arrays.copyOf(ack, 16)));
            }
        }
    }
}
