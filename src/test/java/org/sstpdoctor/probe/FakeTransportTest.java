package org.sstpdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.SocketException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.sstpdoctor.sstp.ControlPacket;
import org.sstpdoctor.testing.RecordingListener;
import org.sstpdoctor.testing.TestProbes;

/** The engine with a fake transport: no socket; classification and the timeline from an Observation alone. */
class FakeTransportTest {
    static final HttpReply OK = new HttpReply("HTTP/1.1 200", "HTTP/1.1", 200, "",
            List.of(new Header("Content-Length", "18446744073709551615")), "", 0);

    /** A transport that reports the given stages as passed, then ends with {@code failure} or {@code reply}. */
    static Transport fake(List<Stage> passes, Failure failure, HttpReply reply, byte[] afterThe200) {
        return (spec, events, cancellation) -> {
            for (Stage stage : passes) {
                events.started(stage);
                events.passed(stage, "ok");
            }
            Observation observed = new Observation(List.of("127.0.0.1:443 connected"), "127.0.0.1:443", List.of(),
                    null, false, reply, reply == null ? -1 : events.now(), "", failure, List.of());
            return new Transport.Exchange() {
                @Override
                public Observation observation() {
                    return observed;
                }

                @Override
                public SstpChannel channel() {
                    return afterThe200 == null ? null
                            : SstpChannel.of(new ByteArrayInputStream(afterThe200), new ByteArrayOutputStream());
                }

                @Override
                public String bodyExcerpt() {
                    return "";
                }

                @Override
                public void close() {
                }
            };
        };
    }

    static ProbeReport probe(Transport transport, RecordingListener listener) {
        SstpProbe probe = new SstpProbe(TestProbes.LOOPBACK_ONLY, new SystemProxyDetector(Map.of(), new Properties(), null),
                Clock.systemUTC(), transport);
        return probe.run(TestProbes.request("vpn.test"), listener, new Cancellation());
    }

    @Test
    void aResetWhileConnectingIsAResetNotAnUnreachableNetwork() {
        RecordingListener listener = new RecordingListener();
        ProbeReport report = probe(fake(List.of(), Failure.of(new SocketException("Connection reset")), null, null), listener);
        assertEquals(Outcome.CONNECTION_RESET, report.outcome(), report.detail());
        assertEquals(List.of(), listener.violations());
    }

    @Test
    void aResetDuringTheHandshakeIsAReset() {
        ProbeReport report = probe(fake(List.of(Stage.TCP_CONNECT), Failure.of(new SocketException("Connection reset")),
                null, null), new RecordingListener());
        assertEquals(Outcome.CONNECTION_RESET, report.outcome());
        assertEquals(StageStatus.FAILED, report.stage(Stage.TLS_HANDSHAKE).orElseThrow().status());
        assertEquals(StageStatus.PASSED, report.stage(Stage.TCP_CONNECT).orElseThrow().status());
    }

    @Test
    void anAckOverTheFakeChannelPasses() {
        byte[] ack = ControlPacket.callConnectAck(2, new byte[32]).encode();
        RecordingListener listener = new RecordingListener();
        ProbeReport report = probe(fake(List.of(Stage.TCP_CONNECT, Stage.TLS_HANDSHAKE), null, OK, ack), listener);
        assertEquals(Outcome.SSTP_ACK, report.outcome(), report.detail());
        assertEquals(List.of(), listener.violations());
        assertTrue(listener.events().contains("end sstp_http passed"));
    }

    @Test
    void aWebPageWhereSstpWasExpected() {
        HttpReply page = new HttpReply("HTTP/1.1 200 OK", "HTTP/1.1", 200, "OK",
                List.of(new Header("Content-Length", "512")), "", 0);
        ProbeReport report = probe(fake(List.of(Stage.TCP_CONNECT, Stage.TLS_HANDSHAKE), null, page, new byte[0]),
                new RecordingListener());
        assertEquals(Outcome.NOT_SSTP, report.outcome());
        assertEquals(StageStatus.FAILED, report.stage(Stage.SSTP_HTTP).orElseThrow().status());
        assertEquals(StageStatus.NOT_REACHED, report.stage(Stage.SSTP_CONTROL).orElseThrow().status());
    }

    @Test
    void aLibraryRejectingTheReplyIsAMalformedAnswerOnlyInTheHttpStage() {
        ProbeReport http = probe(fake(List.of(Stage.TCP_CONNECT, Stage.TLS_HANDSHAKE, Stage.SSTP_HTTP),
                Failure.internal(new IllegalStateException("bad header")), null, null), new RecordingListener());
        assertEquals(Outcome.INTERNAL_ERROR, http.outcome(), "the SSTP stage already ended: nothing was in progress");
        ProbeReport inHttp = probe((spec, events, c) -> {
            events.started(Stage.TCP_CONNECT);
            events.passed(Stage.TCP_CONNECT, "");
            events.started(Stage.TLS_HANDSHAKE);
            events.passed(Stage.TLS_HANDSHAKE, "");
            events.started(Stage.SSTP_HTTP);
            return fake(List.of(), Failure.internal(new IllegalStateException("bad header")), null, null)
                    .open(spec, events, c);
        }, new RecordingListener());
        assertEquals(Outcome.MALFORMED_HTTP_RESPONSE, inHttp.outcome());
        ProbeReport inTcp = probe(fake(List.of(), Failure.internal(new IllegalStateException("bug")), null, null),
                new RecordingListener());
        assertEquals(Outcome.INTERNAL_ERROR, inTcp.outcome());
    }
}
