package org.sstpdoctor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sstpdoctor.kb.KbEntry;
import org.sstpdoctor.probe.Outcome;

/** Issue 14: a proxy's 407 was explained twice on the helpdesk tab, by the status entry and the outcome entry. */
class Proxy407ExplainedOnceTest {
    @Test
    void aProxyDemandingASignInIsExplainedByOneEntry() throws IOException {
        ReportFixtures.Probed p = ReportFixtures.proxy407();
        assertEquals(Outcome.PROXY_AUTH_REQUIRED, p.report().outcome(), p.report().detail());
        List<KbEntry> entries = p.resolution().entries();
        assertEquals("http-407", entries.get(0).id());
        List<String> about407 = entries.stream()
                .filter(e -> e.allIds().contains("http-407") || e.allIds().contains("outcome-proxy_auth_required")
                        || e.title().contains("407"))
                .map(KbEntry::id).toList();
        assertEquals(List.of("http-407"), about407, entries.stream().map(KbEntry::id).toList().toString());
    }
}
