package org.sstpdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sstpdoctor.report.HtmlReport;
import org.sstpdoctor.report.JsonReport;
import org.sstpdoctor.report.MarkdownReport;
import org.sstpdoctor.report.TableReport;
import org.sstpdoctor.report.TextReport;
import org.sstpdoctor.responder.ResponderConfig;
import org.sstpdoctor.responder.Scenario;
import org.sstpdoctor.responder.SignInBehaviour;
import org.sstpdoctor.responder.SignInConfig;
import org.sstpdoctor.responder.SstpResponder;
import org.sstpdoctor.signin.Credentials;
import org.sstpdoctor.testing.ProxyHarness;
import org.sstpdoctor.testing.TestCertificates;
import org.sstpdoctor.testing.TestProbes;

/** Each sign-in outcome through the whole probe, directly and through the embedded web proxy. */
class SignInProbeTest {
    static final String USER = "alice";
    static final String PASSWORD = "Tr0ub4dor&3-vpn";

    static Credentials credentials(String password) {
        return new Credentials(USER, Secret.of(password.toCharArray()), "CORP");
    }

    static ProbeReport probe(SignInBehaviour behaviour, String password, boolean viaProxy) throws IOException {
        return probe(behaviour, org.sstpdoctor.ppp.AuthProtocol.MSCHAP_V2, password, viaProxy);
    }

    static ProbeReport probe(SignInBehaviour behaviour, org.sstpdoctor.ppp.AuthProtocol auth, String password,
                             boolean viaProxy) throws IOException {
        ResponderConfig config = ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid())
                .withHashBitmask(0x03).withNegotiationTimeout(Duration.ofSeconds(10));
        SignInConfig account = SignInConfig.of(USER, Secret.of(PASSWORD.toCharArray())).withBehaviour(behaviour)
                .withAuth(auth);
        try (SstpResponder responder = SstpResponder.start(config, account)) {
            // Java's responder cannot speak Windows 7's TLS 1.0, so the Windows check would put its warning over a
            // signed-in PASS; that combination has its own test (theWindowsWarningStaysBesideTheSignIn).
            ProbeRequest request = TestProbes.local(responder.port()).withTimeout(Duration.ofSeconds(8))
                    .withWindowsCheck(false).withSignIn(credentials(password));
            if (!viaProxy) {
                return TestProbes.probe().run(request);
            }
            try (ProxyHarness proxy = ProxyHarness.open()) {
                return TestProbes.probe().run(request.withProxy(ProxySettings.manual(proxy.endpoint())));
            }
        }
    }

    static Stream<Arguments> outcomes() {
        List<Arguments> all = new ArrayList<>();
        Object[][] table = {
            {SignInBehaviour.WORKING, PASSWORD, Outcome.SIGNED_IN, ""},
            {SignInBehaviour.WORKING, "wrong password", Outcome.SIGNIN_WRONG_CREDENTIALS, "691"},
            {SignInBehaviour.POLICY_REFUSAL, PASSWORD, Outcome.SIGNIN_REFUSED, "649"},
            {SignInBehaviour.AUTH_PROTOCOL_MISMATCH, PASSWORD, Outcome.SIGNIN_AUTH_PROTOCOL, "812"},
            {SignInBehaviour.NO_ADDRESS, PASSWORD, Outcome.SIGNIN_NO_ADDRESS, "720"},
            {SignInBehaviour.REJECT_BINDING, PASSWORD, Outcome.SIGNIN_BINDING_REJECTED, "RasSstp event 6"},
            {SignInBehaviour.SILENT_AFTER_AUTH, PASSWORD, Outcome.SIGNIN_NO_ANSWER, "718"},
            {SignInBehaviour.LCP_NEVER_CONVERGES, PASSWORD, Outcome.SIGNIN_LCP_NOT_CONVERGING, "732"},
            {SignInBehaviour.MSCHAPV2_NOT_ALLOWED, PASSWORD, Outcome.SIGNIN_AUTH_PROTOCOL, "812"},
        };
        for (boolean viaProxy : new boolean[] {false, true}) {
            for (Object[] row : table) {
                all.add(Arguments.of(row[0], row[1], row[2], row[3], viaProxy));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {2} via proxy={4}")
    @MethodSource("outcomes")
    void eachOutcome(SignInBehaviour behaviour, String password, Outcome expected, String windowsError, boolean viaProxy)
            throws IOException {
        ProbeReport report = probe(behaviour, password, viaProxy);
        assertEquals(expected, report.outcome(), report.detail());
        assertEquals(expected == Outcome.SIGNED_IN ? Verdict.PASS : Verdict.FAIL, report.verdict());
        assertEquals(AnsweredBy.SERVER, report.answeredBy());
        SignInReport signIn = report.signIn();
        assertNotNull(signIn);
        assertTrue(signIn.attempted());
        assertEquals(windowsError, signIn.windowsError());
        assertEquals("CORP\\alice", signIn.user());
        assertEquals(StageStatus.PASSED, report.stage(Stage.SSTP_CONTROL).orElseThrow().status());
        StageStatus signInStage = report.stage(Stage.SIGN_IN).orElseThrow().status();
        StageStatus addressStage = report.stage(Stage.GET_ADDRESS).orElseThrow().status();
        switch (expected) {
            case SIGNED_IN -> {
                assertEquals(StageStatus.PASSED, signInStage);
                assertEquals(StageStatus.PASSED, addressStage);
                assertEquals("10.77.0.2", signIn.address());
                assertEquals("LCP Terminate acknowledged; CALL_DISCONNECT acknowledged", report.sstp().ending());
            }
            case SIGNIN_NO_ADDRESS, SIGNIN_BINDING_REJECTED, SIGNIN_NO_ANSWER -> {
                assertEquals(StageStatus.PASSED, signInStage);
                assertEquals(StageStatus.FAILED, addressStage);
            }
            default -> {
                assertEquals(StageStatus.FAILED, signInStage);
                assertEquals(StageStatus.NOT_REACHED, addressStage);
            }
        }
        assertNoPassword(report, password);
    }

    static Stream<Arguments> insistedProtocols() {
        List<Arguments> all = new ArrayList<>();
        for (boolean viaProxy : new boolean[] {false, true}) {
            for (org.sstpdoctor.ppp.AuthProtocol auth : List.of(org.sstpdoctor.ppp.AuthProtocol.PAP,
                    org.sstpdoctor.ppp.AuthProtocol.EAP)) {
                all.add(Arguments.of(auth, PASSWORD, Outcome.SIGNED_IN, viaProxy));
                all.add(Arguments.of(auth, "wrong password", Outcome.SIGNIN_WRONG_CREDENTIALS, viaProxy));
            }
        }
        return all.stream();
    }

    /** A server that insists on PAP or EAP-MSCHAPv2 gets it, with a note on what Windows allows; the binding still checks. */
    @ParameterizedTest(name = "{0} {2} via proxy={3}")
    @MethodSource("insistedProtocols")
    void papAndEapWhereTheServerInsists(org.sstpdoctor.ppp.AuthProtocol auth, String password, Outcome expected,
                                        boolean viaProxy) throws IOException {
        ProbeReport report = probe(SignInBehaviour.WORKING, auth, password, viaProxy);
        assertEquals(expected, report.outcome(), report.detail());
        assertEquals(AnsweredBy.SERVER, report.answeredBy());
        SignInReport signIn = report.signIn();
        assertTrue(signIn.attempted());
        assertEquals(auth.displayName(), signIn.authProtocol());
        assertTrue(signIn.notes().stream().anyMatch(n -> n.contains("Windows")), signIn.notes().toString());
        if (expected == Outcome.SIGNED_IN) {
            assertEquals("10.77.0.2", signIn.address());
            assertEquals("", signIn.windowsError());
        } else {
            assertEquals("691", signIn.windowsError());
        }
        assertNoPassword(report, password);
    }

    @Test
    void withoutCredentialsTheSignInIsSkippedAndTheProbeStopsAtTheAck() throws IOException {
        try (SstpResponder responder = SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid()),
                SignInConfig.of(USER, Secret.of(PASSWORD.toCharArray())))) {
            ProbeReport report = TestProbes.probe().run(TestProbes.local(responder.port()).withWindowsCheck(false));
            assertEquals(Outcome.SSTP_ACK, report.outcome());
            assertNull(report.signIn());
            assertEquals(StageStatus.SKIPPED, report.stage(Stage.SIGN_IN).orElseThrow().status());
            assertEquals("no VPN user name given", report.stage(Stage.SIGN_IN).orElseThrow().detail());
            assertTrue(JsonReport.render(report).contains("\"signIn\" : null"));
        }
    }

    @Test
    void noPasswordPastABadCertificate() throws IOException {
        ResponderConfig config = ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid());
        try (SstpResponder responder = SstpResponder.start(config, SignInConfig.of(USER, Secret.of(PASSWORD.toCharArray())))) {
            // Without the test CA the certificate is untrusted: the sign-in must not run.
            ProbeRequest request = TestProbes.request("localhost:" + responder.port()).withSignIn(credentials(PASSWORD));
            ProbeReport report = TestProbes.probe().run(request);
            assertEquals(Outcome.CERT_UNTRUSTED, report.outcome());
            assertFalse(report.signIn().attempted());
            assertTrue(report.signIn().skippedReason().contains("password was not sent"), report.signIn().skippedReason());
            assertEquals(StageStatus.SKIPPED, report.stage(Stage.SIGN_IN).orElseThrow().status());
            assertTrue(TextReport.render(report).contains("password was not sent"));
            // The responder saw no PPP frame at all from the probe: nothing derived from the password left.
            SstpResponder.Exchange exchange = responder.awaitExchanges(1, Duration.ofSeconds(5)).get(0);
            assertTrue(exchange.packetsReceived().stream().allMatch(p -> (p[1] & 1) == 1), "only control packets");
            assertNoPassword(report, PASSWORD);
        }
    }

    @Test
    void noPasswordPastAnUnexpectedCertificate() throws IOException {
        ResponderConfig config = ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid());
        try (SstpResponder responder = SstpResponder.start(config, SignInConfig.of(USER, Secret.of(PASSWORD.toCharArray())))) {
            // The certificate is trusted for the name, but it is not the one the person said to expect
            // (SSL offload, inspection by a CA installed here): the password must not be sent to it.
            ProbeRequest request = TestProbes.local(responder.port()).withExpectedCertificate("00".repeat(32))
                    .withSignIn(credentials(PASSWORD));
            ProbeReport report = TestProbes.probe().run(request);
            assertEquals(Outcome.UNEXPECTED_CERTIFICATE, report.outcome());
            assertFalse(report.signIn().attempted());
            assertTrue(report.signIn().skippedReason().contains("password was not sent"), report.signIn().skippedReason());
            assertTrue(report.signIn().skippedReason().contains(Outcome.UNEXPECTED_CERTIFICATE.title()),
                    report.signIn().skippedReason());
            assertEquals(StageStatus.SKIPPED, report.stage(Stage.SIGN_IN).orElseThrow().status());
            assertEquals(StageStatus.SKIPPED, report.stage(Stage.GET_ADDRESS).orElseThrow().status());
            SstpResponder.Exchange exchange = responder.awaitExchanges(1, Duration.ofSeconds(5)).get(0);
            assertTrue(exchange.packetsReceived().stream().allMatch(p -> (p[1] & 1) == 1), "only control packets");
            assertNoPassword(report, PASSWORD);
        }
    }

    @Test
    void theExpectedCertificateLetsTheSignInRun() throws IOException {
        ResponderConfig config = ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid())
                .withHashBitmask(0x03).withNegotiationTimeout(Duration.ofSeconds(10));
        try (SstpResponder responder = SstpResponder.start(config, SignInConfig.of(USER, Secret.of(PASSWORD.toCharArray())))) {
            String sha256 = TestProbes.probe().run(TestProbes.local(responder.port()).withWindowsCheck(false))
                    .insights().cryptoBinding().sha256();
            ProbeReport report = TestProbes.probe().run(TestProbes.local(responder.port()).withTimeout(Duration.ofSeconds(8))
                    .withWindowsCheck(false).withExpectedCertificate(sha256).withSignIn(credentials(PASSWORD)));
            assertEquals(Outcome.SIGNED_IN, report.outcome(), report.detail());
            assertTrue(report.signIn().attempted());
        }
    }

    @Test
    void theWindowsWarningStaysBesideTheSignIn() throws IOException {
        ResponderConfig config = ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid())
                .withHashBitmask(0x03).withNegotiationTimeout(Duration.ofSeconds(10));
        try (SstpResponder responder = SstpResponder.start(config, SignInConfig.of(USER, Secret.of(PASSWORD.toCharArray())))) {
            ProbeReport report = TestProbes.probe().run(TestProbes.local(responder.port()).withTimeout(Duration.ofSeconds(8))
                    .withSignIn(credentials(PASSWORD)));
            // Windows 7's TLS 1.0 is refused by Java's responder: the warning decides, the sign-in is the next finding.
            assertEquals(Outcome.SOME_WINDOWS_CANNOT_CONNECT, report.outcome(), report.detail());
            assertTrue(report.findings().stream().anyMatch(f -> f.outcome() == Outcome.SIGNED_IN), report.findings().toString());
            assertEquals(Outcome.SIGNED_IN, report.signIn().outcome());
            assertEquals(StageStatus.PASSED, report.stage(Stage.SIGN_IN).orElseThrow().status());
            assertEquals(StageStatus.PASSED, report.stage(Stage.GET_ADDRESS).orElseThrow().status());
            assertTrue(TextReport.render(report).contains("SIGNED IN WITH WARNINGS"), TextReport.render(report));
            assertNoPassword(report, PASSWORD);
        }
    }

    /** Any failing finding another stage made about the certificate (revocation reports this way) stops the password. */
    @Test
    void noPasswordPastAFailingStageFinding() {
        AttemptContext context = new AttemptContext(TestProbes.local(443).withSignIn(credentials(PASSWORD)), null, false,
                null, null, java.time.Clock.systemUTC(), new Cancellation(), null, System.nanoTime());
        context.tls(new TlsInfo("TLSv1.3", "TLS_AES_128_GCM_SHA256", List.of(), true, "", true, List.of()));
        assertTrue(SignInStep.appliesTo(context), "a verified certificate and nothing against it: the sign-in runs");
        Outcome failing = java.util.Arrays.stream(Outcome.values())
                .filter(o -> o.verdict() == Verdict.FAIL && o.name().startsWith("REVOCATION_")).findFirst()
                .orElse(Outcome.UNEXPECTED_CERTIFICATE);
        context.addFinding(new Finding(failing, "the chain failed a check"));
        assertFalse(SignInStep.appliesTo(context));
        assertTrue(SignInStep.refusal(context).orElseThrow().contains(failing.title()));
        assertTrue(SignInStep.refusal(context).orElseThrow().contains("password was not sent"));
    }

    @Test
    void timingsOfEachStepAreReported() throws IOException {
        ProbeReport report = probe(SignInBehaviour.WORKING, PASSWORD, false);
        List<String> steps = report.signIn().steps().stream().map(SignInReport.Step::id).toList();
        assertEquals(List.of("link", "authentication", "crypto_binding", "address", "hang_up"), steps);
        assertTrue(report.signIn().steps().stream().allMatch(s -> s.durationMs() >= 0 && s.startMs() > 0));
        String text = TextReport.render(report);
        assertTrue(text.contains("SIGNED IN - this user can connect"), text);
        assertTrue(text.matches("(?s).*\\n  Address: +10\\.77\\.0\\.2 \\(DNS 10\\.77\\.0\\.53.*"), text);
        // The same facts in every human-readable format: one outline (ReportOutline), three mark-ups.
        for (String rendered : List.of(text, MarkdownReport.render(report, null).replace("\\", ""),
                HtmlReport.render(report, null))) {
            for (String fact : List.of("SIGNED IN - this user can connect", "Signed in and offered an address",
                    "MS-CHAP v2; crypto binding SHA-256", "10.77.0.2", "Agreeing on the PPP link (LCP)", "LCP Terminate acknowledged")) {
                assertTrue(rendered.contains(fact), fact + " in\n" + rendered);
            }
        }
        assertTrue(MarkdownReport.render(report, null).contains("## Sign-in test (user CORP\\\\alice)"));
        assertTrue(HtmlReport.render(report, null).contains("<h2>Sign-in test (user CORP\\alice)</h2>"));
    }

    /**
     * The password is in no output: every report format (each with and without the knowledge base's
     * explanation), the ticket summary, the helpdesk file (every entry of the zip), the kept history
     * and the report's own toString.
     */
    static void assertNoPassword(ProbeReport report, String password) {
        org.sstpdoctor.kb.KnowledgeBase kb = org.sstpdoctor.kb.KnowledgeBase.builtIn();
        org.sstpdoctor.kb.Resolution resolution = org.sstpdoctor.kb.Resolution.of(report, kb);
        List<String> outputs = new ArrayList<>();
        for (org.sstpdoctor.report.ReportFormat format : org.sstpdoctor.report.ReportFormat.values()) {
            outputs.add(format.header() + format.render(report, resolution));
            outputs.add(format.render(report, null));
        }
        outputs.add(TableReport.header() + TableReport.row(report));
        outputs.add(report.toString());
        com.fasterxml.jackson.databind.JsonNode tree = JsonReport.toTree(report,
                org.sstpdoctor.report.ResolutionJson.toNode(resolution));
        outputs.add(org.sstpdoctor.ticket.TicketSummary.of(tree, kb, java.time.ZoneOffset.UTC, java.time.Instant.now()));
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("signin-no-password");
            try {
                org.sstpdoctor.history.HistoryStore history = new org.sstpdoctor.history.HistoryStore(dir.resolve("data"));
                history.record(tree);
                java.nio.file.Path zip = dir.resolve("helpdesk.zip");
                org.sstpdoctor.ticket.HelpdeskFile.write(zip, report, resolution,
                        org.sstpdoctor.ticket.Environment.ofThisComputer(tree), history.all(), java.time.Instant.now());
                try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
                    for (java.util.zip.ZipEntry e : java.util.Collections.list(z.entries())) {
                        outputs.add(e.getName() + ": " + new String(z.getInputStream(e).readAllBytes(),
                                java.nio.charset.StandardCharsets.UTF_8));
                    }
                }
                try (Stream<java.nio.file.Path> files = java.nio.file.Files.walk(dir)) {
                    for (java.nio.file.Path f : files.filter(java.nio.file.Files::isRegularFile)
                            .filter(f -> !f.equals(zip)).toList()) {
                        outputs.add(f + ": " + new String(java.nio.file.Files.readAllBytes(f),
                                java.nio.charset.StandardCharsets.ISO_8859_1));
                    }
                }
            } finally {
                try (Stream<java.nio.file.Path> files = java.nio.file.Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertTrue(outputs.size() > 2 * org.sstpdoctor.report.ReportFormat.values().length + 8, "every output was made");
        for (String output : outputs) {
            assertFalse(output.contains(password), "password in output:\n" + output);
        }
    }
}
