package org.sstpdoctor.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sstpdoctor.eventlog.EventText;
import org.sstpdoctor.eventlog.ExplainedEvent;
import org.sstpdoctor.history.HistoryStore;
import org.sstpdoctor.kb.KnowledgeBase;
import org.sstpdoctor.probe.ProbeReport;
import org.sstpdoctor.profiles.VpnProfile;
import org.sstpdoctor.profiles.VpnStrategy;
import org.sstpdoctor.responder.ResponderConfig;
import org.sstpdoctor.responder.Scenario;
import org.sstpdoctor.responder.SstpResponder;
import org.sstpdoctor.testing.TestCertificates;
import org.sstpdoctor.testing.TestProbes;

class HelpdeskTest {
    @TempDir
    Path dir;

    @Test
    void keepsEachResultAndComparesWithTheLastOfTheSameServer() throws IOException {
        Helpdesk desk = new Helpdesk(new HistoryStore(dir), List::of, List::of);
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid()))) {
            ProbeReport first = TestProbes.probe().run(TestProbes.local(server.port()));
            Helpdesk.Kept one = desk.keep(first);
            assertTrue(one.saved());
            assertTrue(one.comparison().isEmpty());
            Helpdesk.Kept two = desk.keep(TestProbes.probe().run(TestProbes.local(server.port())));
            // With a warning when only an old Windows (TLS 1.0, refused by Java's responder) cannot connect.
            String sentence = two.comparison().orElseThrow().sentence();
            assertTrue(sentence.equals("Reachable just now; nothing that SSTP Doctor checks has changed since.")
                    || sentence.equals("Reachable with warnings just now; nothing that SSTP Doctor checks has changed since."),
                    sentence);
        }
        assertEquals(2, desk.history().all().size());
    }

    @Test
    void anUnwritableHistoryIsNotAnError() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");
        Helpdesk desk = new Helpdesk(new HistoryStore(file.resolve("below")), List::of, List::of);
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid()))) {
            assertFalse(desk.keep(TestProbes.probe().run(TestProbes.local(server.port()))).saved());
        }
    }

    @Test
    void profilesAndEventsAreReadOnceAndFailingSourcesOfferNothing() {
        AtomicInteger reads = new AtomicInteger();
        VpnProfile work = new VpnProfile("Work VPN", "vpn.contoso.com", "test", VpnStrategy.Sstp.YES, "SSTP only", "", "");
        Helpdesk desk = new Helpdesk(new HistoryStore(dir), () -> {
            reads.incrementAndGet();
            return List.of(work);
        }, () -> EventText.parse("The user X dialed a connection named Work VPN which has failed. The error code"
                + " returned on failure is -2146885613."));
        desk.profiles();
        desk.profiles();
        assertEquals(1, reads.get());
        List<ExplainedEvent> errors = desk.recentErrors(KnowledgeBase.builtIn());
        assertEquals("vpn.contoso.com", errors.get(0).server().orElseThrow());
        assertEquals("error-0x80092013", errors.get(0).entries().get(0).id());
        Helpdesk broken = new Helpdesk(new HistoryStore(dir), () -> {
            throw new IllegalStateException("nmcli exploded");
        }, () -> {
            throw new IllegalStateException("wevtutil exploded");
        });
        assertEquals(List.of(), broken.profiles());
        assertEquals(List.of(), broken.recentErrors(KnowledgeBase.builtIn()));
    }
}
