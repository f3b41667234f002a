package org.sstpdoctor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** GitHub-style renderers autolink "www.", "https://" and "a@b.c": peer text must not become a link in a ticket. */
class MarkdownAutolinkTest {
    @Test
    void peerTextEscapesColonDotAndAt() {
        assertEquals("www\\.evil\\.example https\\://x admin\\@evil", MarkdownReport.peer("www.evil.example https://x admin@evil"));
        assertEquals("Call Connect Ack. Done: yes", MarkdownReport.text("Call Connect Ack. Done: yes"), "our own text stays readable");
    }

    @Test
    void aServerChosenUrlIsNotLinkedInTheReport() throws Exception {
        ReportFixtures.Probed p = ReportFixtures.linking();
        assertEquals(404, p.report().httpResponse().code(), p.report().detail());
        String md = MarkdownReport.render(p.report(), p.resolution());
        assertTrue(md.contains("www\\.evil\\.example"), md);
        for (String link : new String[] {"www.evil.example", "https://evil.example", "admin@evil.example", "evil.example/login"}) {
            assertFalse(md.contains(link), link + " would be autolinked:\n" + md);
        }
    }
}
