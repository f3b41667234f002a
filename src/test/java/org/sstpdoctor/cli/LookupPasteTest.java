package org.sstpdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sstpdoctor.report.JsonReport;

class LookupPasteTest {
    static byte[] fixture(String name) throws IOException {
        try (InputStream in = LookupPasteTest.class.getResourceAsStream("/org/sstpdoctor/eventlog/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void pastedEventViewerTextOnStandardInputIsExplained() throws IOException {
        CliTest.Run r = CliTest.run(Map.of(), new ByteArrayInputStream(fixture("eventviewer-20227.txt")), "lookup", "-");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Found: RasClient 20227 · Work VPN · 0x80092013"), r.out());
        assertTrue(r.out().contains("Error code: 0x80092013 (-2146885613)"), r.out());
        assertTrue(r.out().contains("[error-0x80092013]"), r.out());
        assertTrue(r.out().contains("[event-rasclient-20227]"), r.out());
        // No such connection on this computer (no phone book, no nmcli here): the test is still offered.
        assertTrue(r.out().contains("  Test its server: \"Work VPN\" is not set up on this computer; sstp-doctor probe"
                + " ADDRESS tests the server it uses\n"), r.out());
    }

    @Test
    void pastedSentenceAsArgumentsAndEvent4XmlAsJson() throws IOException {
        CliTest.Run sentence = CliTest.run("lookup", "The user X dialed a connection named Home which has failed."
                + " The error code returned on failure is -2146762487.");
        assertEquals(0, sentence.code(), sentence.err());
        assertTrue(sentence.out().contains("0x800B0109"), sentence.out());
        CliTest.Run xml = CliTest.run(Map.of(), new ByteArrayInputStream(fixture("wevtutil-rassstp.xml")), "lookup", "-",
                "--json");
        assertEquals(0, xml.code(), xml.err());
        JsonNode n = JsonReport.parse(xml.out()).get(0);
        assertEquals(407, n.get("httpStatus").asInt());
        assertTrue(n.get("httpStatusReading").asText().contains("little-endian"));
        assertEquals("http-407", n.get("entries").get(0).get("id").asText());
    }

    @Test
    void ordinaryCodesStillWork() {
        CliTest.Run r = CliTest.run(Map.of(), new ByteArrayInputStream("0x80092013".getBytes(StandardCharsets.UTF_8)),
                "lookup", "-");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("0x80092013"), r.out());
    }
}
