package org.sstpdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
}
