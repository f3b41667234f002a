package org.sstpdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
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
import org.sstpdoctor.testing.TestProbes;

class HistoryCommandTest {
    @TempDir
    Path home;

    CliTest.Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(TestProbes::probe, Map.of(), new ByteArrayInputStream(new byte[0]), false,
                home.toString());
        int code = SstpDoctorCli.execute(context, new PrintWriter(out), new PrintWriter(err), args);
        return new CliTest.Run(code, out.toString(), err.toString());
    }

    @Test
    void eachProbeIsKeptAndTheNextOneComparesItself() throws IOException {
        Path ca = home.resolve("ca.pem");
        Files.writeString(ca, TestCertificates.CA.certificatePem());
        CliTest.Run empty = run("history");
        assertEquals(1, empty.code());
        assertTrue(empty.err().contains("No tests are kept yet"), empty.err());
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid()))) {
            String address = "localhost:" + server.port();
            CliTest.Run first = run("probe", address, "--proxy", "none", "--trust-ca", ca.toString());
            assertEquals(0, first.code(), first.err());
            assertFalse(first.out().contains("Compared with the last test"), first.out());
            assertTrue(first.out().contains("Report id: R-"), first.out());
            CliTest.Run second = run("probe", address, "--proxy", "none", "--trust-ca", ca.toString());
            // With a warning when only an old Windows (TLS 1.0, refused by Java's responder) cannot connect.
            assertTrue(second.out().contains("Compared with the last test: Reachable just now; nothing that SSTP Doctor"
                    + " checks has changed since.") || second.out().contains("Compared with the last test: Reachable with"
                    + " warnings just now; nothing that SSTP Doctor checks has changed since."), second.out());
            run("probe", address, "--proxy", "none", "--trust-ca", ca.toString(), "--no-history");
            CliTest.Run list = run("history");
            assertEquals(0, list.code(), list.err());
            assertEquals(2, list.out().lines().count(), list.out());
            assertTrue(list.out().contains("localhost:" + server.port() + "  Reachable  sstp_ack  HTTP 200")
                    || list.out().contains("localhost:" + server.port() + "  Reachable with warnings  some_windows_cannot_connect"
                    + "  HTTP 200"), list.out());
            CliTest.Run one = run("history", address);
            assertTrue(one.out().contains("no change since the test before"), one.out());
            CliTest.Run json = run("history", "--json", "--limit", "1");
            assertEquals("sstp-doctor/report/v1", JsonReport.parse(json.out()).get(0).get("schema").asText());
        }
        assertEquals(0, run("history", "--clear").code());
        assertEquals(1, run("history").code());
        assertEquals(2, run("history", "not a server").code());
    }
}
