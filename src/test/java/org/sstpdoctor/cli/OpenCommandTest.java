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
import org.sstpdoctor.responder.ResponderConfig;
import org.sstpdoctor.responder.Scenario;
import org.sstpdoctor.responder.SstpResponder;
import org.sstpdoctor.testing.TestCertificates;
import org.sstpdoctor.testing.TestProbes;

class OpenCommandTest {
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
    void theUsersHelpdeskFileOpensAndTheSameTestFromHereIsComparedSideBySide() throws IOException {
        Path ca = home.resolve("ca.pem");
        Files.writeString(ca, TestCertificates.CA.certificatePem());
        Path zip = home.resolve("from-alice.zip");
        try (SstpResponder broken = SstpResponder.start(ResponderConfig.loopback(Scenario.NAK, TestCertificates.valid()))) {
            CliTest.Run saved = run("probe", "localhost:" + broken.port(), "--proxy", "none", "--trust-ca", ca.toString(),
                    "--save-for-helpdesk", zip.toString());
            assertEquals(1, saved.code(), saved.err());
            assertTrue(saved.err().contains("Helpdesk file written: " + zip), saved.err());
            CliTest.Run summary = run("open", zip.toString(), "--summary");
            assertEquals(0, summary.code(), summary.err());
            assertEquals(3, summary.out().lines().count(), summary.out());
            assertTrue(summary.out().contains("Not reachable"), summary.out());
            CliTest.Run shown = run("open", zip.toString());
            assertEquals(0, shown.code(), shown.err());
            assertTrue(shown.out().startsWith("Report from "), shown.out());
            assertTrue(shown.out().contains("Their computer"), shown.out());
            CliTest.Run here = run("open", zip.toString(), "--test-here", "--trust-ca", ca.toString(), "--timeout", "5s");
            assertTrue(here.out().contains("Side by side"), here.out());
            assertTrue(here.out().contains("fails the same way from here"), here.out());
        }
        CliTest.Run missing = run("open", home.resolve("nothing.zip").toString());
        assertEquals(2, missing.code());
        assertEquals("The file nothing.zip does not exist.", missing.err().strip());
        assertFalse(missing.err().contains("Exception"));
    }
}
