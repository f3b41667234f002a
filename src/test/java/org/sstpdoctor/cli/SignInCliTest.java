package org.sstpdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.sstpdoctor.probe.Secret;
import org.sstpdoctor.report.JsonReport;
import org.sstpdoctor.responder.ResponderConfig;
import org.sstpdoctor.responder.Scenario;
import org.sstpdoctor.responder.SignInConfig;
import org.sstpdoctor.responder.SstpResponder;
import org.sstpdoctor.testing.TestCertificates;

/** The command line of the sign-in test: serve's account, probe's VPN credentials. */
class SignInCliTest {

    @Test
    void serveListsTheSignInBehaviours() {
        CliTest.Run r = CliTest.run("serve", "--list-scenarios");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("wrong-password"), r.out());
        assertTrue(r.out().contains("lcp-never-converges"), r.out());
    }

    @Test
    void serveWantsThePasswordFromTheEnvironmentOrStandardInput() {
        CliTest.Run none = CliTest.run("serve", "--user", "alice", "--for", "1ms", "--port", "0");
        assertEquals(ExitCode.BAD_USAGE, none.code());
        assertTrue(none.err().contains("SSTP_DOCTOR_VPN_PASSWORD"), none.err());
        CliTest.Run fromEnv = CliTest.run(Map.of("SSTP_DOCTOR_VPN_PASSWORD", "s3cret-pass"),
                new ByteArrayInputStream(new byte[0]), "serve", "--user", "alice", "--for", "1ms", "--port", "0");
        assertEquals(0, fromEnv.code(), fromEnv.err());
        assertTrue(fromEnv.out().contains("Signs in alice with MS-CHAP v2"), fromEnv.out());
        assertTrue(fromEnv.out().contains("--vpn-user alice"), fromEnv.out());
        CliTest.Run fromStdin = CliTest.run(Map.of(), new ByteArrayInputStream("s3cret-pass\n".getBytes(StandardCharsets.UTF_8)),
                "serve", "--user", "alice", "--password-stdin", "--auth", "pap", "--sign-in", "no-address", "--for", "1ms", "--port", "0");
        assertEquals(0, fromStdin.code(), fromStdin.err());
        assertTrue(fromStdin.out().contains("PAP"), fromStdin.out());
        for (CliTest.Run r : new CliTest.Run[] {none, fromEnv, fromStdin}) {
            assertFalse((r.out() + r.err()).contains("s3cret-pass"));
        }
    }

    @Test
    void serveRejectsBadSignInOptions() {
        assertEquals(ExitCode.BAD_USAGE, CliTest.run("serve", "--sign-in", "no-address").code());
        CliTest.Run bad = CliTest.run(Map.of("SSTP_DOCTOR_VPN_PASSWORD", "x"), new ByteArrayInputStream(new byte[0]),
                "serve", "--user", "alice", "--sign-in", "nonsense");
        assertEquals(ExitCode.BAD_USAGE, bad.code());
        assertTrue(bad.err().contains("no sign-in behaviour called 'nonsense'"), bad.err());
        assertEquals(ExitCode.BAD_USAGE, CliTest.run(Map.of("SSTP_DOCTOR_VPN_PASSWORD", "x"),
                new ByteArrayInputStream(new byte[0]), "serve", "--user", "alice", "--auth", "chap").code());
    }

    static final String VPN_PASSWORD = "vpn-Pa55-word!";

    @TempDir
    Path temp;

    SstpResponder server() throws java.io.IOException {
        return SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid()),
                SignInConfig.of("alice", Secret.of(VPN_PASSWORD.toCharArray())));
    }

    String ca() throws java.io.IOException {
        Path file = temp.resolve("ca.pem");
        Files.writeString(file, TestCertificates.CA.certificatePem());
        return file.toString();
    }

    @Test
    void probeSignsInWithThePasswordFromTheEnvironment() throws Exception {
        try (SstpResponder server = server()) {
            CliTest.Run r = CliTest.run(Map.of("SSTP_DOCTOR_VPN_PASSWORD", VPN_PASSWORD), new ByteArrayInputStream(new byte[0]),
                    "probe", "localhost:" + server.port(), "--proxy", "none", "--trust-ca", ca(), "--vpn-user", "CORP\\alice", "--json",
                    "--no-windows-check"); // the Windows 7 row's warning would decide over a signed-in PASS (SignInProbeTest)
            assertEquals(0, r.code(), r.err() + r.out());
            JsonNode json = JsonReport.parse(r.out());
            assertEquals("signed_in", json.get("outcome").asText());
            JsonNode signIn = json.get("signIn");
            assertEquals("CORP\\alice", signIn.get("user").asText());
            assertEquals("10.77.0.2", signIn.get("address").asText());
            assertEquals("MS-CHAP v2", signIn.get("authProtocol").asText());
            assertEquals(5, signIn.get("steps").size());
            assertEquals("passed", json.get("stages").get(7).get("status").asText());
            assertFalse((r.out() + r.err()).contains(VPN_PASSWORD));
        }
    }

    @Test
    void probeWithAWrongPasswordFromStandardInputSays691() throws Exception {
        try (SstpResponder server = server()) {
            CliTest.Run r = CliTest.run(Map.of(), new ByteArrayInputStream("not-the-password\n".getBytes(StandardCharsets.UTF_8)),
                    "probe", "localhost:" + server.port(), "--proxy", "none", "--trust-ca", ca(), "--vpn-user", "alice",
                    "--vpn-password-stdin");
            assertEquals(ExitCode.DIAGNOSED_FAILURE, r.code(), r.err());
            assertTrue(r.out().contains("signin_wrong_credentials"), r.out());
            assertTrue(r.out().matches("(?s).*\\n  Windows: +error 691\\n.*"), r.out());
            assertFalse((r.out() + r.err()).contains("not-the-password"));
        }
    }

    @Test
    void probeVpnPasswordOptionsAreChecked() {
        CliTest.Run none = CliTest.run("probe", "localhost:1", "--proxy", "none", "--vpn-user", "alice");
        assertEquals(ExitCode.BAD_USAGE, none.code());
        assertTrue(none.err().contains("SSTP_DOCTOR_VPN_PASSWORD"), none.err());
        CliTest.Run twice = CliTest.run(Map.of("P", "x"), new ByteArrayInputStream(new byte[0]), "probe", "localhost:1",
                "--proxy", "127.0.0.1:3128", "--proxy-user", "u", "--proxy-password-stdin", "--vpn-user", "alice",
                "--vpn-password-stdin");
        assertEquals(ExitCode.BAD_USAGE, twice.code());
        assertTrue(twice.err().contains("Standard input can hold only one thing"), twice.err());
        CliTest.Run orphan = CliTest.run("probe", "localhost:1", "--vpn-password-stdin");
        assertEquals(ExitCode.BAD_USAGE, orphan.code());
        CliTest.Run badName = CliTest.run(Map.of("SSTP_DOCTOR_VPN_PASSWORD", "x"), new ByteArrayInputStream(new byte[0]),
                "probe", "localhost:1", "--vpn-user", "A\\B\\c");
        assertEquals(ExitCode.BAD_USAGE, badName.code());
        CliTest.Run custom = CliTest.run(Map.of("MY_VPN", VPN_PASSWORD), new ByteArrayInputStream(new byte[0]),
                "probe", "localhost:1", "--proxy", "none", "--timeout", "1s", "--vpn-user", "alice", "--vpn-password-env", "MY_VPN");
        assertEquals(ExitCode.DIAGNOSED_FAILURE, custom.code(), custom.err());
        assertTrue(custom.out().contains("Sign-in test (user alice)"), custom.out());
        assertFalse((custom.out() + custom.err()).contains(VPN_PASSWORD));
    }
}
