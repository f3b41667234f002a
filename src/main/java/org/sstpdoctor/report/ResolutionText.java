package org.sstpdoctor.report;

import org.sstpdoctor.kb.KbEntry;
import org.sstpdoctor.kb.Reference;

/** A knowledge-base entry as plain text, as "lookup" prints it (a report's advice is in its {@link ReportOutline}). */
public final class ResolutionText {
    private ResolutionText() {
    }

    /** A whole entry, as "lookup" prints it. */
    public static String entry(KbEntry e) {
        StringBuilder out = new StringBuilder();
        out.append(e.title()).append("  [").append(e.id()).append("]\n");
        wrap(out, e.summary(), "  ");
        if (!e.codes().isEmpty()) {
            out.append("  Also written: ").append(String.join(", ", e.codes())).append('\n');
        }
        if (!e.sentBy().isEmpty()) {
            out.append("  Usually sent by: ").append(String.join(", ", e.sentBy())).append('\n');
        }
        out.append("\n  For the end user\n");
        wrap(out, e.endUser().explanation(), "    ");
        e.endUser().actions().forEach(a -> wrap(out, "- " + a, "    ", "      "));
        out.append("\n  For the helpdesk\n");
        int n = 1;
        for (String step : e.helpdesk().steps()) {
            wrap(out, (n++) + ". " + step, "    ", "       ");
        }
        if (!e.helpdesk().contact().isBlank()) {
            wrap(out, "Contact: " + e.helpdesk().contact(), "    ");
        }
        if (!e.culprits().isEmpty()) {
            out.append("\n  Likely culprits: ").append(String.join(", ", e.culprits())).append('\n');
        }
        if (!e.related().isEmpty()) {
            out.append("  Related: ").append(String.join(", ", e.related())).append('\n');
        }
        if (!e.references().isEmpty()) {
            out.append("  References:\n");
            for (Reference r : e.references()) {
                out.append("    - ").append(r.title()).append(": ").append(r.url()).append('\n');
            }
        }
        return out.toString();
    }

    private static void wrap(StringBuilder out, String text, String indent) {
        wrap(out, text, indent, indent);
    }

    /** Wraps our own prose at 100 columns so a ticket stays readable (the text report's width too). */
    static void wrap(StringBuilder out, String text, String first, String rest) {
        int width = 100;
        StringBuilder line = new StringBuilder(first);
        boolean empty = true;
        for (String word : text.split("\\s+")) {
            if (!empty && line.length() + 1 + word.length() > width) {
                out.append(line).append('\n');
                line = new StringBuilder(rest);
                empty = true;
            }
            if (!empty) {
                line.append(' ');
            }
            line.append(word);
            empty = false;
        }
        out.append(line).append('\n');
    }
}
