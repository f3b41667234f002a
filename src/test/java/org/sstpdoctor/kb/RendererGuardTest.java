package org.sstpdoctor.kb;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sstpdoctor.probe.ProbeReport;
import org.sstpdoctor.report.HtmlReport;
import org.sstpdoctor.report.MarkdownReport;
import org.sstpdoctor.report.TextReport;
import org.sstpdoctor.text.PeerText;

/**
 * The renderers' own guard: text that reaches them without passing a capture point (here the
 * knowledge base's texts, which are trusted and not sanitised when loaded) still cannot put a
 * control, format or bidi character on a terminal or into a ticket.
 */
class RendererGuardTest {
    private static final String HOSTILE = "\u001b[2J\rVerdict: REACHABLE\u009b\u202E\u2066\u200B\uFEFF";

    @Test
    void textMarkdownAndHtmlNeverCarryInvisibleCharacters() {
        List<KbEntry> entries = new ArrayList<>();
        for (KbEntry e : KnowledgeBase.builtIn().entries()) {
            entries.add(e.withText(e.title() + HOSTILE, e.summary(), new EndUserText(e.endUser().explanation() + HOSTILE,
                    e.endUser().actions()), new HelpdeskText(e.helpdesk().steps(), HOSTILE)));
        }
        KnowledgeBase kb = KnowledgeBase.of(entries);
        ProbeReport report = ProbeReport.badInput("vpn.example.com", "bad", Instant.now());
        Resolution resolution = Resolution.of(report, kb);
        Map<String, String> out = Map.of(
                "text", TextReport.render(report, resolution),
                "markdown", MarkdownReport.render(report, resolution),
                "html", HtmlReport.render(report, resolution));
        out.forEach((format, rendered) -> {
            assertTrue(rendered.contains("u001B"), format + " shows the text, made visible");
            assertTrue(rendered.codePoints().noneMatch(cp -> cp != '\n' && PeerText.isInvisible(cp)),
                    format + ": " + PeerText.lines(rendered));
        });
    }
}
