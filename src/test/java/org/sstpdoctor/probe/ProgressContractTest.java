package org.sstpdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sstpdoctor.responder.ResponderConfig;
import org.sstpdoctor.responder.Scenario;
import org.sstpdoctor.responder.SstpResponder;
import org.sstpdoctor.testing.ProxyHarness;
import org.sstpdoctor.testing.RecordingListener;
import org.sstpdoctor.testing.TestCertificates;
import org.sstpdoctor.testing.TestProbes;

/**
 * The listener contract ({@link ProbeListener}), asserted as whole event sequences: for every
 * responder scenario, through a proxy, for an IP address, and on cancel.
 */
class ProgressContractTest {
    /** Where each scenario fails, live; absent means it passes every stage. */
    static final Map<Scenario, Stage> FAILS_AT = Map.ofEntries(
            Map.entry(Scenario.NAK, Stage.SSTP_CONTROL),
            Map.entry(Scenario.ABORT, Stage.SSTP_CONTROL),
            Map.entry(Scenario.HTTP_STATUS, Stage.SSTP_HTTP),
            Map.entry(Scenario.WEB_SERVER, Stage.SSTP_HTTP),
            Map.entry(Scenario.NGINX_PROXY, Stage.SSTP_HTTP),
            Map.entry(Scenario.HTTP_1_0, Stage.SSTP_HTTP),
            Map.entry(Scenario.SILENT_AFTER_TLS, Stage.SSTP_HTTP),
            Map.entry(Scenario.SILENT_AFTER_200, Stage.SSTP_CONTROL),
            Map.entry(Scenario.CLOSE_AFTER_REQUEST, Stage.SSTP_HTTP),
            Map.entry(Scenario.RESET_AFTER_REQUEST, Stage.SSTP_HTTP),
            Map.entry(Scenario.RESET_AFTER_200, Stage.SSTP_CONTROL),
            Map.entry(Scenario.GARBAGE_REPLY, Stage.SSTP_HTTP),
            Map.entry(Scenario.BAD_PACKET, Stage.SSTP_CONTROL),
            Map.entry(Scenario.SLOW_REPLY, Stage.SSTP_HTTP),
            Map.entry(Scenario.HUGE_STATUS_LINE, Stage.SSTP_HTTP),
            // 10,000 headers are cut to 100 and the 200 is accepted; the SSTP answer then fails
            Map.entry(Scenario.MANY_HEADERS, Stage.SSTP_CONTROL),
            Map.entry(Scenario.INVALID_UTF8, Stage.SSTP_HTTP),
            Map.entry(Scenario.HTTP_0_9, Stage.SSTP_HTTP),
            Map.entry(Scenario.CLOSE_ON_ACCEPT, Stage.TLS_HANDSHAKE),
            Map.entry(Scenario.RESET_ON_ACCEPT, Stage.TLS_HANDSHAKE),
            Map.entry(Scenario.SILENT_ON_ACCEPT, Stage.TLS_HANDSHAKE),
            // TLS 1.3: the client finishes the handshake before the server's alert arrives, so the
            // alert meets the SSTP request; the report then blames TLS (ResponderOutcomesTest).
            Map.entry(Scenario.TLS_ALERT, Stage.SSTP_HTTP),
            Map.entry(Scenario.PLAIN_HTTP, Stage.TLS_HANDSHAKE),
            Map.entry(Scenario.HOSTILE_REASON, Stage.SSTP_HTTP),
            Map.entry(Scenario.HOSTILE_TRANSFER_ENCODING, Stage.SSTP_HTTP),
            // probed as the web proxy they are: both refuse CONNECT with 407
            Map.entry(Scenario.HOSTILE_PROXY, Stage.PROXY_CONNECT),
            Map.entry(Scenario.REFLECTING_PROXY, Stage.PROXY_CONNECT),
            Map.entry(Scenario.ENDLESS_102, Stage.SSTP_HTTP),
            Map.entry(Scenario.ENDLESS_PROXY_HEADERS, Stage.PROXY_CONNECT),
            // a plain-HTTP login page where TLS should be; an intercepting squid's 411 to the SSTP request
            Map.entry(Scenario.CAPTIVE_PORTAL, Stage.TLS_HANDSHAKE),
            Map.entry(Scenario.INSPECTING_PROXY, Stage.SSTP_HTTP));

    /**
     * Scenarios that pass every stage of Java's own connection; what Windows makes of them is the
     * Windows stage's (its events are checked apart: {@link #windowsEvents}).
     */
    static final java.util.Set<Scenario> PASSES = java.util.Set.of(Scenario.WORKING, Scenario.WINDOWS_STYLE,
            Scenario.REVOKED_CERTIFICATE, Scenario.REVOCATION_DOWN,
            Scenario.TLS_1_3_ONLY, Scenario.CHACHA20_ONLY, Scenario.SKEWED_CLOCK,
            Scenario.SSL_OFFLOAD, Scenario.LIKE_WINDOWS_RRAS, Scenario.LIKE_SOFTETHER, Scenario.LIKE_MIKROTIK,
            Scenario.LIKE_ACCEL_PPP);

    /** Scenarios whose certificate fails the TLS stage, past which the probe goes on to test SSTP. */
    static final Map<Scenario, Stage> LOOKS_PAST = Map.of(Scenario.HOSTILE_CERTIFICATE, Stage.TLS_HANDSHAKE);

    /** The sequence for a direct probe of a name that fails at {@code failing} (null: passes). */
    static List<String> expected(Stage failing, boolean viaProxy) {
        return expected(failing, viaProxy, null);
    }

    /** @param lookedPast a stage that fails without stopping the probe (a certificate problem) */
    static List<String> expected(Stage failing, boolean viaProxy, Stage lookedPast) {
        List<String> events = new ArrayList<>();
        if (!viaProxy) {
            events.add("end proxy_connect skipped");
        }
        // These probes give no VPN user name: the sign-in stages are skipped at the start (SignInProbeTest has the rest).
        events.add("end sign_in skipped");
        events.add("end get_address skipped");
        boolean reached = true;
        for (Stage stage : Stage.values()) {
            if (stage == Stage.PROXY_CONNECT && !viaProxy || stage == Stage.SIGN_IN || stage == Stage.GET_ADDRESS
                    || FINISHING.contains(stage)) {
                continue;
            }
            if (!reached) {
                events.add("end " + stage.id() + " not_reached");
                continue;
            }
            events.add("start " + stage.id());
            events.add("end " + stage.id() + (stage == failing || stage == lookedPast ? " failed" : " passed"));
            reached = stage != failing;
        }
        return events;
    }

    /** The finishing stages: they run after the others, whatever those found, and are checked apart. */
    static final java.util.Set<Stage> FINISHING = java.util.EnumSet.of(Stage.REVOCATION, Stage.WINDOWS_TLS,
            Stage.SERVER_IDENTITY);

    /** The live events of every stage but the finishing ones. */
    static List<String> withoutWindows(List<String> events) {
        return events.stream().filter(e -> FINISHING.stream().noneMatch(f -> e.endsWith(" " + f.id()) || e.contains(" " + f.id() + " ")))
                .toList();
    }

    /**
     * The Windows stage's and the What-answered stage's live events: for each, none started and one end,
     * or one start and one end.
     */
    static void windowsEvents(List<String> events, String scenario) {
        for (Stage finishing : List.of(Stage.WINDOWS_TLS, Stage.SERVER_IDENTITY)) {
            List<String> own = events.stream().filter(e -> e.contains(finishing.id())).toList();
            assertTrue(own.size() == 1 && own.get(0).startsWith("end ")
                    || own.size() == 2 && own.get(0).startsWith("start ") && own.get(1).startsWith("end "),
                    scenario + ": " + own);
        }
    }

    static org.sstpdoctor.target.ProxyEndpoint parseProxy(String typed) {
        try {
            return org.sstpdoctor.target.ProxyAddressParser.parse(typed);
        } catch (org.sstpdoctor.target.InputException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static RecordingListener probe(Scenario scenario) throws IOException {
        try (SstpResponder responder = SstpResponder.start(ResponderConfig.loopback(scenario,
                scenario.actsAsProxy() ? null : TestCertificates.valid()))) {
            RecordingListener recorder = new RecordingListener();
            ProbeRequest request = TestProbes.local(scenario.actsAsProxy() ? 9 : responder.port())
                    .withTimeout(Duration.ofMillis(1500));
            if (scenario.actsAsProxy()) {
                request = request.withProxy(ProxySettings.manual(parseProxy("localhost:" + responder.port())));
            }
            ProbeReport report = TestProbes.probe().run(request, recorder, new Cancellation());
            for (StageResult stage : report.stages()) {
                boolean blamedAfterwards = scenario == Scenario.TLS_ALERT && stage.stage() == Stage.TLS_HANDSHAKE;
                if (!blamedAfterwards) {
                    assertEquals(stage.status(), recorder.endOf(stage.stage()).status(),
                            scenario + ": the live end of " + stage.stage() + " is the report's");
                }
            }
            return recorder;
        }
    }

    @Test
    void everyScenarioIsListed() {
        List<Scenario> unlisted = Arrays.stream(Scenario.values())
                .filter(s -> !FAILS_AT.containsKey(s) && !LOOKS_PAST.containsKey(s) && !PASSES.contains(s)).toList();
        assertEquals(List.of(), unlisted, "add the new scenario to FAILS_AT");
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void everyScenarioGivesEachStageExactlyOneEndLive(Scenario scenario) throws IOException {
        RecordingListener recorder = probe(scenario);
        assertEquals(List.of(), recorder.violations(), scenario.toString());
        windowsEvents(recorder.events(), scenario.toString());
        assertEquals(expected(FAILS_AT.get(scenario), scenario.actsAsProxy(), LOOKS_PAST.get(scenario)), withoutWindows(recorder.events()),
                scenario.toString());
    }

    @Test
    void throughAProxyTheTunnelStartsAndPasses() throws IOException {
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid()));
             ProxyHarness proxy = ProxyHarness.open()) {
            RecordingListener recorder = new RecordingListener();
            TestProbes.probe().run(TestProbes.local(server.port()).withProxy(ProxySettings.manual(proxy.endpoint())),
                    recorder, new Cancellation());
            assertEquals(List.of(), recorder.violations());
            assertEquals(expected(null, true), withoutWindows(recorder.events()));
        }
    }

    @Test
    void anIpAddressStartsTheLookupBeforeItEnds() throws IOException {
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid()))) {
            RecordingListener recorder = new RecordingListener();
            ProbeReport report = TestProbes.probe().run(TestProbes.request("127.0.0.1:" + server.port())
                    .withExtraTrust(List.of(TestCertificates.CA.certificate()), "test CA"), recorder, new Cancellation());
            assertEquals(List.of(), recorder.violations());
            assertEquals(List.of("end proxy_connect skipped", "end sign_in skipped", "end get_address skipped",
                    "start resolve", "end resolve passed"), withoutWindows(recorder.events()).subList(0, 5));
            assertTrue(report.stage(Stage.RESOLVE).orElseThrow().detail().contains("is an IP address"));
        }
    }

    @Test
    void aMissingNameFailsTheLookupLiveAndTheRestIsNotReached() {
        RecordingListener recorder = new RecordingListener();
        TestProbes.probe().run(TestProbes.request("no-such-host.invalid"), recorder, new Cancellation());
        assertEquals(List.of(), recorder.violations());
        assertEquals(expected(Stage.RESOLVE, false), withoutWindows(recorder.events()));
    }

    @Test
    void cancellingEndsTheStageInProgressAndTheRestLive() throws Exception {
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(Scenario.SILENT_AFTER_TLS,
                TestCertificates.valid()))) {
            RecordingListener recorder = new RecordingListener();
            Cancellation cancellation = new Cancellation();
            Thread canceller = new Thread(() -> {
                while (!withoutWindows(recorder.events()).contains("start sstp_http")) {
                    Thread.onSpinWait();
                }
                cancellation.cancel();
            });
            canceller.start();
            ProbeReport report = TestProbes.probe().run(TestProbes.local(server.port()).withTimeout(Duration.ofSeconds(5)),
                    recorder, cancellation);
            canceller.join(5000);
            assertEquals(Outcome.CANCELLED, report.outcome());
            assertEquals(List.of(), recorder.violations());
            assertEquals(expected(Stage.SSTP_HTTP, false), withoutWindows(recorder.events()));
        }
    }
}
