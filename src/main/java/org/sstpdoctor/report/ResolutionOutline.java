package org.sstpdoctor.report;

import java.util.ArrayList;
import java.util.List;
import org.sstpdoctor.kb.KbEntry;
import org.sstpdoctor.kb.Reference;
import org.sstpdoctor.kb.Resolution;
import org.sstpdoctor.report.ReportOutline.Block;
import org.sstpdoctor.report.ReportOutline.Bullets;
import org.sstpdoctor.report.ReportOutline.Fact;
import org.sstpdoctor.report.ReportOutline.Facts;
import org.sstpdoctor.report.ReportOutline.Line;
import org.sstpdoctor.report.ReportOutline.Paragraph;
import org.sstpdoctor.report.ReportOutline.Section;

/** The knowledge base's advice as outline sections: what it means, what to do, the helpdesk's steps, sources. */
final class ResolutionOutline {
    static final String TITLE = "What this means";

    private ResolutionOutline() {
    }

    static List<Section> sections(Resolution resolution) {
        if (resolution == null || resolution.entries().isEmpty()) {
            return List.of();
        }
        KbEntry primary = resolution.entries().get(0);
        List<Section> out = new ArrayList<>();
        out.add(new Section(2, TITLE, List.of(
                new Paragraph(Line.with().plain(primary.title() + " ").id(primary.id()).build()),
                new Paragraph(Line.plain(primary.endUser().explanation())))));
        if (!primary.endUser().actions().isEmpty()) {
            out.add(new Section(3, "What you can do", List.of(new Bullets(lines(primary.endUser().actions()), false))));
        }
        List<Block> helpdesk = new ArrayList<>();
        if (!primary.helpdesk().steps().isEmpty()) {
            helpdesk.add(new Bullets(lines(primary.helpdesk().steps()), true));
        }
        if (!primary.helpdesk().contact().isBlank()) {
            helpdesk.add(new Facts(List.of(new Fact("Contact", Line.plain(primary.helpdesk().contact())))));
        }
        out.add(new Section(3, "For the helpdesk" + (resolution.site() == null ? "" : " (" + resolution.site() + ")"),
                helpdesk));
        List<KbEntry> more = resolution.entries().subList(1, resolution.entries().size());
        if (!more.isEmpty()) {
            List<Line> seeAlso = new ArrayList<>();
            for (KbEntry e : more) {
                seeAlso.add(Line.with().plain(e.title() + " ").id(e.id()).plain(": " + e.summary()).build());
            }
            out.add(new Section(3, "See also", List.of(new Bullets(seeAlso, false))));
        }
        if (!primary.references().isEmpty()) {
            List<Line> refs = new ArrayList<>();
            for (Reference ref : primary.references()) {
                refs.add(Line.with().link(ref.title(), ref.url()).build());
            }
            out.add(new Section(3, "References", List.of(new Bullets(refs, false))));
        }
        return out;
    }

    private static List<Line> lines(List<String> texts) {
        return texts.stream().map(Line::plain).toList();
    }
}
