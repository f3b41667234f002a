package org.sstpdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sstpdoctor.report.JsonReport;
import org.sstpdoctor.report.TextReport;
import org.sstpdoctor.responder.PracticePki;
import org.sstpdoctor.responder.ResponderConfig;
import org.sstpdoctor.responder.Scenario;
import org.sstpdoctor.responder.SignInConfig;
import org.sstpdoctor.responder.SstpResponder;
import org.sstpdoctor.testing.ProxyHarness;
import org.sstpdoctor.testing.RecordingListener;
import org.sstpdoctor.testing.TestProbes;

/**
 * The password goes only past a chain whose revocation was checked and found good: with a VPN user
 * name the revocation stage runs before the sign-in, on the call held open after the Ack. Against
 * the practice CA (its CRL and OCSP responder on loopback): good, revoked, endpoints down; directly
 * and through the embedded proxy; with the live events in order.
 */
class SignInRevocationTest {
    static PracticePki pki;

    @BeforeAll
    static void start() throws IOException {
        pki = PracticePki.start();
    }

    @AfterAll
    static void stop() {
        pki.close();
    }

    record Probed(ProbeReport report, RecordingListener events, SstpResponder.Exchange exchange) {
    }

    static Probed probe(Scenario scenario, boolean viaProxy) throws IOException {
        ResponderConfig config = ResponderConfig.loopback(scenario, pki.serverContext(scenario, PracticePki.LOOPBACK_NAMES))
                .withHashBitmask(0x03).withNegotiationTimeout(Duration.ofSeconds(10));
        SignInConfig account = SignInConfig.of(SignInProbeTest.USER, Secret.of(SignInProbeTest.PASSWORD.toCharArray()));
        try (SstpResponder responder = SstpResponder.start(config, account)) {
            ProbeRequest request = TestProbes.request("localhost:" + responder.port())
                    .withExtraTrust(List.of(pki.caCertificate()), "practice CA").withTimeout(Duration.ofSeconds(8))
                    .withWindowsCheck(false).withSignIn(SignInProbeTest.credentials(SignInProbeTest.PASSWORD));
            RecordingListener events = new RecordingListener();
            ProbeReport report;
            if (viaProxy) {
                try (ProxyHarness proxy = ProxyHarness.open()) {
                    report = TestProbes.probe().run(request.withProxy(ProxySettings.manual(proxy.endpoint())), events,
                            new Cancellation());
                }
            } else {
                report = TestProbes.probe().run(request, events, new Cancellation());
            }
            return new Probed(report, events, responder.awaitExchanges(1, Duration.ofSeconds(5)).get(0));
        }
    }

    /** The live events from the SSTP answer on: revocation ends before the sign-in starts or is skipped. */
    static List<String> tail(RecordingListener events) {
        // The finishing stages after the sign-in (Windows versions, What answered) are the progress contract's.
        List<String> all = events.events().stream().filter(e -> !e.contains(Stage.WINDOWS_TLS.id())
                && !e.contains(Stage.SERVER_IDENTITY.id())).toList();
        return all.subList(all.indexOf("start " + Stage.SSTP_CONTROL.id()), all.size());
    }

    @ParameterizedTest(name = "via proxy={0}")
    @ValueSource(booleans = {false, true})
    void aGoodChainLetsTheSignInRunAfterTheRevocationCheck(boolean viaProxy) throws IOException {
        Probed probed = probe(Scenario.WORKING, viaProxy);
        ProbeReport report = probed.report();
        assertEquals(Outcome.SIGNED_IN, report.outcome(), report.detail());
        assertEquals(Outcome.REVOCATION_GOOD, report.revocation().outcome(), report.revocation().detail());
        assertTrue(report.signIn().attempted());
        assertEquals(List.of(), probed.events().violations());
        assertEquals(List.of("start sstp_control", "end sstp_control passed", "start revocation", "end revocation passed",
                "start sign_in", "end sign_in passed", "start get_address", "end get_address passed"), tail(probed.events()));
        // The revocation check finished before the first PPP frame left.
        StageResult revocation = report.stage(Stage.REVOCATION).orElseThrow();
        StageResult signIn = report.stage(Stage.SIGN_IN).orElseThrow();
        assertTrue(revocation.startMillis() + revocation.durationMillis() <= signIn.startMillis(),
                revocation + " / " + signIn);
        SignInProbeTest.assertNoPassword(report, SignInProbeTest.PASSWORD);
    }

    @ParameterizedTest(name = "via proxy={0}")
    @ValueSource(booleans = {false, true})
    void aRevokedCertificateGetsNoPassword(boolean viaProxy) throws IOException {
        Probed probed = probe(Scenario.REVOKED_CERTIFICATE, viaProxy);
        ProbeReport report = probed.report();
        assertEquals(Outcome.REVOCATION_REVOKED, report.outcome(), report.detail());
        assertEquals(Outcome.SSTP_ACK, report.beyondCertificate().outcome(), "the SSTP service itself answered");
        assertSkippedWithoutPassword(probed, "A certificate of the server's chain has been revoked", "0x80092010");
        assertEquals(List.of("start sstp_control", "end sstp_control passed", "start revocation", "end revocation failed",
                "end sign_in skipped", "end get_address skipped"), tail(probed.events()));
    }

    @ParameterizedTest(name = "via proxy={0}")
    @ValueSource(booleans = {false, true})
    void aRevocationCheckThatCannotBeMadeGetsNoPassword(boolean viaProxy) throws IOException {
        Probed probed = probe(Scenario.REVOCATION_DOWN, viaProxy);
        ProbeReport report = probed.report();
        assertEquals(Outcome.REVOCATION_OFFLINE, report.outcome(), report.detail());
        assertSkippedWithoutPassword(probed, Outcome.REVOCATION_OFFLINE.title(), "0x80092013");
        assertEquals(List.of("start sstp_control", "end sstp_control passed", "start revocation", "end revocation failed",
                "end sign_in skipped", "end get_address skipped"), tail(probed.events()));
    }

    static void assertSkippedWithoutPassword(Probed probed, String why, String windowsCode) throws IOException {
        ProbeReport report = probed.report();
        SignInReport signIn = report.signIn();
        assertFalse(signIn.attempted());
        for (String expected : List.of("revocation", why, windowsCode, "password was not sent")) {
            assertTrue(signIn.skippedReason().contains(expected), expected + " in " + signIn.skippedReason());
        }
        StageResult stage = report.stage(Stage.SIGN_IN).orElseThrow();
        assertEquals(StageStatus.SKIPPED, stage.status());
        assertEquals(signIn.skippedReason(), stage.detail());
        assertEquals(StageStatus.SKIPPED, report.stage(Stage.GET_ADDRESS).orElseThrow().status());
        assertEquals(List.of(), probed.events().violations());
        // The reason reaches the person: in the text report and the JSON signIn section.
        assertTrue(TextReport.render(report).contains("password was not sent"));
        String reason = new com.fasterxml.jackson.databind.ObjectMapper().readTree(JsonReport.render(report))
                .get("signIn").get("skippedReason").asText();
        assertEquals(signIn.skippedReason(), reason);
        // Not one PPP frame left the probe; the call held open for the sign-in was left with CALL_DISCONNECT.
        List<byte[]> received = probed.exchange().packetsReceived();
        assertTrue(received.stream().allMatch(p -> (p[1] & 1) == 1), "only control packets");
        assertTrue(received.stream().anyMatch(p -> p.length >= 6 && p[5] == 0x06), "CALL_DISCONNECT sent");
        assertEquals("CALL_DISCONNECT acknowledged", report.sstp().ending());
        SignInProbeTest.assertNoPassword(report, SignInProbeTest.PASSWORD);
    }
}
