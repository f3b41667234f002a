package org.sstpdoctor.eventlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventTextTest {
    static String fixture(String name) throws IOException {
        try (InputStream in = EventTextTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void eventViewerTextOf20227GivesConnectionAndHexError() throws IOException {
        List<VpnEvent> e = EventText.parse(fixture("eventviewer-20227.txt"));
        assertEquals(1, e.size());
        VpnEvent v = e.get(0);
        assertEquals("RasClient", v.provider());
        assertEquals(20227, v.eventId());
        assertEquals("Work VPN", v.connectionName());
        assertEquals("0x80092013", v.errorHex().orElseThrow());
        assertEquals("alice-laptop.contoso.com", v.computer());
        assertEquals(List.of("0x80092013", "event 20227"), v.lookupQueries());
    }

    @Test
    void theMessageSentenceAloneIsEnough() {
        VpnEvent v = EventText.parse("The user X dialed a connection named Home which has failed. The error code"
                + " returned on failure is 809.").get(0);
        assertEquals("Home", v.connectionName());
        assertEquals(809L, v.errorCode());
        assertEquals(20227, v.eventId());
    }

    @Test
    void powershellFormatListWithWrappedMessage() throws IOException {
        VpnEvent v = EventText.parse(fixture("powershell-formatlist.txt")).get(0);
        assertEquals("AzureGateway", v.connectionName());
        assertEquals("0x00000329", v.errorHex().orElseThrow());
        assertEquals(20227, v.eventId());
        assertEquals("on-prem-vm", v.computer());
    }

    @Test
    void wevtutilRenderedXmlGivesBothRasClientEvents() throws IOException {
        List<VpnEvent> e = EventText.parse(fixture("wevtutil-rasclient.xml"));
        assertEquals(2, e.size());
        assertEquals("Work VPN", e.get(0).connectionName());
        assertEquals(0x80092013L, e.get(0).errorCode());
        assertEquals("2026-11-30T09:12:03.4460000Z", e.get(0).when());
        assertEquals("2026-11-30 10:12:03", e.get(0).when(java.time.ZoneId.of("Europe/Paris")),
                "shown in local time, as Event Viewer does");
        VpnEvent pasted = EventText.parse(fixture("eventviewer-20227.txt")).get(0);
        assertEquals(pasted.when(), pasted.when(java.time.ZoneId.of("Europe/Paris")), "a pasted time is shown as written");
        assertEquals(20226, e.get(1).eventId());
        assertEquals("Büro-VPN ☂", e.get(1).connectionName(), "insertion strings used when there is no message");
        assertEquals(829, e.get(1).reasonCode());
        assertNull(e.get(1).errorCode());
    }

    @Test
    void rasSstpEvent4BinaryElementIsReadLittleEndianAndSaysSo() throws IOException {
        VpnEvent v = EventText.parse(fixture("wevtutil-rassstp.xml")).get(0);
        assertEquals(4, v.eventId());
        assertEquals(407, v.httpStatus());
        assertTrue(v.httpStatusReading().contains("XML's Binary element"));
        assertTrue(v.httpStatusReading().contains("little-endian"));
        assertEquals(List.of("407", "event 4"), v.lookupQueries());
    }

    @Test
    void event4InBytesAndInWords() throws IOException {
        VpnEvent bytes = EventText.parse(fixture("eventviewer-event4-bytes.txt")).get(0);
        assertEquals(407, bytes.httpStatus());
        assertEquals("Microsoft-Windows-RasSstp", bytes.provider());
        assertTrue(bytes.httpStatusReading().contains("In Bytes"));
        VpnEvent words = EventText.parse("Source: RasSstp\nEvent ID: 4\n" + fixture("eventviewer-event4-words.txt")).get(0);
        assertEquals(403, words.httpStatus());
        assertTrue(words.httpStatusReading().contains("In Words"));
    }

    @Test
    void theDataAlonePastedIsReadAsEvent4sAndSaysSo() {
        for (String paste : List.of("In Words\n0000: 00000193\n", "0000: 00000193", "  0000: 93 01 00 00\r\n",
                "In Bytes\n\n0000: 93 01 00 00 ..")) {
            assertTrue(EventText.looksLikeEvent(paste), paste);
            List<VpnEvent> found = EventText.parse(paste);
            assertEquals(1, found.size(), paste);
            VpnEvent v = found.get(0);
            assertEquals(403, v.httpStatus(), paste);
            assertEquals("RasSstp", v.provider(), paste);
            assertEquals(4, v.eventId(), paste);
            assertTrue(v.httpStatusReading().contains("only event data was pasted"), v.httpStatusReading());
        }
        // A named event is not second-guessed, and data that is no HTTP status is not made into one.
        assertFalse(EventText.parse("Source: RasClient\nEvent ID: 20227\nIn Words\n0000: 00000193\n").stream()
                .anyMatch(e -> e.httpStatus() != null));
        assertTrue(EventText.parse("0000: FFFFFFFF").isEmpty());
        assertFalse(EventText.looksLikeEvent("0000"));
    }

    @Test
    void bigEndianReadingIsUsedOnlyWhenLittleEndianIsNoStatusAndSaysSo() {
        VpnEvent v = EventText.parse("Source: RasSstp\nEvent ID: 4\nIn Bytes\n0000: 00 00 01 F7\n").get(0);
        assertEquals(503, v.httpStatus());
        assertTrue(v.httpStatusReading().contains("big-endian"));
        VpnEvent none = EventText.parse("Source: RasSstp\nEvent ID: 4\nIn Bytes\n0000: FF FF FF FF\n").get(0);
        assertNull(none.httpStatus());
    }

    @Test
    void brokenXmlAndEntitiesNeverThrowNorReadFiles() throws IOException {
        List<VpnEvent> broken = EventText.parse(fixture("broken.xml"));
        assertTrue(broken.stream().allMatch(ev -> ev.errorCode() == null));
        List<VpnEvent> xxe = EventText.parse(fixture("xxe.xml"));
        assertTrue(xxe.stream().noneMatch(ev -> ev.message().contains("root:") || ev.connectionName().contains("root")));
        assertEquals(List.of(), EventText.parse(""));
        assertEquals(List.of(), EventText.parse(null));
        assertEquals(List.of(), EventText.parse("hello world"));
        EventText.parse("<Event><System><EventID>99999999999</EventID></System></Event>");
        EventText.parse("<Events><Event>".repeat(10_000));
    }

    @Test
    void controlAndBidiCharactersNeverComeThrough() {
        VpnEvent v = EventText.parse("The user X dialed a connection named Evil\u202Egnp.exe\u0007 which has failed."
                + " The error code returned on failure is 809.").get(0);
        assertEquals("Evil\\u202Egnp.exe\\u0007", v.connectionName());
        assertFalse(v.message().contains("\u0007"));
    }

    @Test
    void looksLikeEventTellsPastesFromCodes() throws IOException {
        assertTrue(EventText.looksLikeEvent(fixture("eventviewer-20227.txt")));
        assertTrue(EventText.looksLikeEvent(fixture("wevtutil-rassstp.xml")));
        assertFalse(EventText.looksLikeEvent("0x80092013"));
        assertFalse(EventText.looksLikeEvent("event 4"));
        assertFalse(EventText.looksLikeEvent("certificate expired"));
    }

    @Test
    void readerQueriesBothLogsNewestFirstAndSurvivesARefusal() throws IOException {
        String client = fixture("wevtutil-rasclient.xml");
        String sstp = fixture("wevtutil-rassstp.xml");
        List<List<String>> asked = new ArrayList<>();
        List<VpnEvent> events = new EventLogReader(args -> {
            asked.add(args);
            return args.get(1).equals("Application") ? client : sstp;
        }).recent();
        assertEquals(List.of("2026-11-30T09:12:03.4460000Z", "2026-11-30T09:11:58.1000000Z",
                "2026-11-29T17:40:00.0000000Z"), events.stream().map(VpnEvent::when).toList());
        assertEquals(List.of("qe", "Application",
                "/q:*[System[Provider[@Name='RasClient'] and (EventID=20227 or EventID=20226)]]", "/c:25", "/rd:true",
                "/f:RenderedXml"), asked.get(0));
        List<VpnEvent> partial = new EventLogReader(args -> {
            if (args.get(1).equals("System")) {
                throw new IOException("Access is denied.");
            }
            return client;
        }).recent();
        assertEquals(2, partial.size());
    }
}
