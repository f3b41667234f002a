package org.sstpdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sstpdoctor.report.JsonReport;
import org.sstpdoctor.responder.ResponderConfig;
import org.sstpdoctor.responder.Scenario;
import org.sstpdoctor.responder.SstpResponder;
import org.sstpdoctor.testing.TestCertificates;

/** {@code --no-revocation-check}: the stage says it was not checked, and a sign-in refuses to go without it. */
class RevocationSwitchCliTest {
    @TempDir
    Path temp;

    @Test
    void turnedOffTheStageIsSkippedAndSaysSoNeverPassed() throws Exception {
        Path ca = Files.writeString(temp.resolve("ca.pem"), TestCertificates.CA.certificatePem());
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid()))) {
            CliTest.Run r = CliTest.run("probe", "localhost:" + server.port(), "--proxy", "none", "--trust-ca", ca.toString(),
                    "--no-windows-check", "--no-revocation-check", "--json");
            assertEquals(0, r.code(), r.err() + r.out());
            JsonNode json = JsonReport.parse(r.out());
            JsonNode stage = null;
            for (JsonNode each : json.get("stages")) {
                if ("revocation".equals(each.get("stage").asText())) {
                    stage = each;
                }
            }
            assertEquals("skipped", stage.get("status").asText(), stage.toString());
            assertTrue(stage.get("detail").asText().contains("turned off (--no-revocation-check)"), stage.toString());
            assertTrue(json.get("revocation").isNull(), "no result that could read as good: " + json.get("revocation"));
            CliTest.Run text = CliTest.run("probe", "localhost:" + server.port(), "--proxy", "none", "--trust-ca",
                    ca.toString(), "--no-windows-check", "--no-revocation-check");
            assertTrue(text.out().contains("not checked, so not known to pass"), text.out());
        }
    }

    @Test
    void aSignInNeedsTheRevocationCheckAndNoPasswordIsAskedFor() {
        CliTest.Run r = CliTest.run(Map.of("SSTP_DOCTOR_VPN_PASSWORD", "never-read-pw"), new ByteArrayInputStream(new byte[0]),
                "probe", "localhost:1", "--proxy", "none", "--vpn-user", "alice", "--no-revocation-check");
        assertEquals(ExitCode.BAD_USAGE, r.code());
        assertTrue(r.err().contains("--vpn-user needs the revocation check"), r.err());
        assertFalse((r.out() + r.err()).contains("never-read-pw"));
    }
}
