package org.sstpdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sstpdoctor.diag.Diagnostics;
import org.sstpdoctor.responder.ResponderConfig;
import org.sstpdoctor.responder.Scenario;
import org.sstpdoctor.responder.SstpResponder;
import org.sstpdoctor.testing.ProxyHarness;
import org.sstpdoctor.testing.TestCertificates;

/** The shared options: one password source, --format from the registry, --debug, the time limit's range. */
class CliOptionsTest {
    @TempDir
    Path temp;

    @AfterEach
    void quiet() {
        Diagnostics.disable();
    }

    Path caFile() throws IOException {
        Path file = temp.resolve("ca.pem");
        Files.writeString(file, TestCertificates.CA.certificatePem());
        return file;
    }

    @Test
    void twoPasswordSourcesAreRefusedRatherThanOneSilentlyWinning() {
        CliTest.Run r = CliTest.run(Map.of("PW", "from-env"),
                new ByteArrayInputStream("from-stdin\n".getBytes(StandardCharsets.UTF_8)),
                "probe", "vpn.test", "--proxy", "127.0.0.1:9", "--proxy-user", "u",
                "--proxy-password-env", "PW", "--proxy-password-stdin");
        assertEquals(ExitCode.BAD_USAGE, r.code());
        assertTrue(r.err().contains("--proxy-password-env") && r.err().contains("--proxy-password-stdin")
                && r.err().contains("mutually exclusive"), r.err());
    }

    @Test
    void formatsComeFromTheRegistryWithTheirAliases() {
        CliTest.Run md = CliTest.run("probe", "no-such.invalid", "--format", "md", "--proxy", "none");
        assertEquals(ExitCode.DIAGNOSED_FAILURE, md.code(), md.err());
        assertTrue(md.out().startsWith("#"), "Markdown: " + md.out());
        CliTest.Run bad = CliTest.run("probe", "vpn.test", "--format", "pdf");
        assertEquals(ExitCode.BAD_USAGE, bad.code());
        assertTrue(bad.err().contains("--format must be text, table, jsonl, csv, markdown or html; you gave 'pdf'"), bad.err());
        CliTest.Run many = CliTest.run("probe", "a.invalid", "b.invalid", "--format", "html", "--proxy", "none");
        assertEquals(ExitCode.BAD_USAGE, many.code());
        assertTrue(many.err().contains("is for one server"), many.err());
    }

    @Test
    void theTimeLimitHasOneRange() {
        for (String outside : new String[] {"500ms", "3m", "0s"}) {
            CliTest.Run r = CliTest.run("probe", "vpn.test", "--timeout", outside);
            assertEquals(ExitCode.BAD_USAGE, r.code(), outside);
            assertTrue(r.err().contains("from 1 s to 2 minutes"), r.err());
        }
        assertEquals(org.sstpdoctor.settings.Settings.MAX_TIMEOUT,
                org.sstpdoctor.probe.ProbeRequest.MAX_TIMEOUT.toSeconds(), "the settings file's range is the same");
        assertEquals(org.sstpdoctor.settings.Settings.DEFAULT_TIMEOUT,
                org.sstpdoctor.probe.ProbeRequest.DEFAULT_TIMEOUT.toSeconds());
    }

    @Test
    void debugWritesWhatHappenedToAFileAndNeverThePassword() throws IOException {
        Path log = temp.resolve("debug.log");
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid()));
             ProxyHarness proxy = ProxyHarness.basicAuth()) {
            CliTest.Run r = CliTest.run(Map.of("SSTP_DOCTOR_PROXY_PASSWORD", ProxyHarness.PASSWORD),
                    new ByteArrayInputStream(new byte[0]),
                    "probe", "localhost:" + server.port(), "--proxy", "127.0.0.1:" + proxy.port(),
                    "--proxy-user", ProxyHarness.USER, "--trust-ca", caFile().toString(), "--json",
                    "--debug=" + log);
            assertEquals(ExitCode.DIAGNOSED_FAILURE, r.code(), r.err());
        }
        Diagnostics.disable();
        String written = Files.readString(log);
        for (String expected : new String[] {"debug logging on", "attempt: localhost", "resolve started",
                "tcp_connect passed", "proxy_connect failed", "layer outcome proxy_auth_required",
                "signing in to the proxy", "sstp_control passed"}) {
            assertTrue(written.contains(expected), "the log says '" + expected + "':\n" + written);
        }
        String basic = Base64.getEncoder().encodeToString(
                (ProxyHarness.USER + ":" + ProxyHarness.PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertFalse(written.contains(ProxyHarness.PASSWORD), "no password in the log");
        assertFalse(written.contains(basic), "no Basic credentials in the log");
    }

    @Test
    void debugWithoutAFileGoesToStandardErrorAndAnUnwritableFileIsAPlainMessage() {
        CliTest.Run r = CliTest.run("lookup", "407", "--debug=" + temp.resolve("no/such/dir/x.log"));
        assertEquals(ExitCode.BAD_USAGE, r.code());
        assertTrue(r.err().contains("--debug: the log file"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void theWizardTakesOnlyItsOwnArguments() {
        assertTrue(org.sstpdoctor.Main.opensTheWizard(new String[0]));
        assertTrue(org.sstpdoctor.Main.opensTheWizard(new String[] {"--practice=nak", "--debug"}));
        assertTrue(org.sstpdoctor.Main.opensTheWizard(new String[] {"--debug=/tmp/x.log"}));
        assertFalse(org.sstpdoctor.Main.opensTheWizard(new String[] {"probe", "--debug"}));
        assertEquals(java.util.Optional.of("-"), Diagnostics.debugTarget("--practice", "--debug"));
        assertEquals(java.util.Optional.of("x.log"), Diagnostics.debugTarget("--debug=x.log"));
        assertEquals(java.util.Optional.empty(), Diagnostics.debugTarget("--practice"));
    }
}
