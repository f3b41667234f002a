package org.sstpdoctor.responder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.sstpdoctor.probe.Outcome;
import org.sstpdoctor.probe.ProbeReport;
import org.sstpdoctor.probe.Stage;
import org.sstpdoctor.probe.StageStatus;
import org.sstpdoctor.sstp.AttributeId;
import org.sstpdoctor.sstp.ControlPacket;
import org.sstpdoctor.sstp.StatusCode;
import org.sstpdoctor.sstp.StatusInfo;
import org.sstpdoctor.testing.TestCertificates;
import org.sstpdoctor.testing.TestProbes;

/** Misbehaviours composed from effects in the test, with no change to the server. */
class ComposedBehaviourTest {
    static ProbeReport probe(Behaviour behaviour) throws IOException {
        ResponderConfig config = ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid()).withBehaviour(behaviour);
        try (SstpResponder server = SstpResponder.start(config)) {
            return TestProbes.probe().run(TestProbes.local(server.port()).withTimeout(Duration.ofMillis(1500)));
        }
    }

    @Test
    void everyScenarioIsAPresetOfEffects() {
        for (Scenario s : Scenario.values()) {
            assertNotNull(s.behaviour(), s.toString());
        }
        assertEquals(Behaviour.WORKING, Scenario.WORKING.behaviour());
        assertEquals(Behaviour.WORKING.onAccept(Behaviour.OnAccept.RESET), Scenario.RESET_ON_ACCEPT.behaviour());
        assertEquals(Behaviour.WORKING.onCallConnect(Behaviour.OnCallConnect.NAK), Scenario.NAK.behaviour());
    }

    @Test
    void aCallAbortRightAfterThe200() throws IOException {
        byte[] abort = ControlPacket.callAbort(StatusInfo.of(AttributeId.NO_ERROR, StatusCode.NEGOTIATION_TIMEOUT)).encode();
        ProbeReport report = probe(Behaviour.WORKING.after200(new Behaviour.After200.Send(abort)));
        assertEquals(Outcome.SSTP_ABORTED, report.outcome(), report.detail());
        assertEquals("NEGOTIATION_TIMEOUT", report.sstp().statusName());
    }

    @Test
    void aLoadBalancerThatAnswers503() throws IOException {
        ProbeReport report = probe(Behaviour.WORKING.onRequest(Behaviour.OnRequest.ReplyAndClose.ascii(
                "HTTP/1.1 503 Service Unavailable\r\nServer: BigIP\r\nContent-Length: 0\r\n\r\n")));
        assertEquals(Outcome.HTTP_STATUS, report.outcome(), report.detail());
        assertEquals(503, report.httpResponse().code());
        assertEquals("BigIP", report.httpResponse().header("Server").orElseThrow());
    }

    @Test
    void aWindowsStyleStatusLineThenSilence() throws IOException {
        ProbeReport report = probe(Behaviour.WORKING.onRequest(new Behaviour.OnRequest.Route("HTTP/1.1 200"))
                .after200(new Behaviour.After200.StaySilent()));
        assertEquals(Outcome.SSTP_NO_ANSWER, report.outcome(), report.detail());
        assertEquals("", report.httpResponse().reason());
        assertEquals(StageStatus.FAILED, report.stage(Stage.SSTP_CONTROL).orElseThrow().status());
    }

    @Test
    void anAbortInsteadOfAnAckAfterAnHttp10Answer() throws IOException {
        ProbeReport report = probe(Behaviour.WORKING.onRequest(new Behaviour.OnRequest.Route("HTTP/1.0 200 OK"))
                .onCallConnect(Behaviour.OnCallConnect.ABORT));
        assertEquals(Outcome.HTTP_VERSION_NOT_1_1, report.outcome(), "the HTTP version decides before SSTP");
    }
}
