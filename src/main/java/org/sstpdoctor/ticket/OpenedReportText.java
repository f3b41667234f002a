package org.sstpdoctor.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.sstpdoctor.history.HistoryText;
import org.sstpdoctor.history.ReportSummary;
import org.sstpdoctor.text.UntrustedText;

/**
 * An opened report as plain text, built from its JSON (the only form every version and every
 * helpdesk file shares). Everything shown is made safe first: the file came from someone else.
 */
public final class OpenedReportText {
    private OpenedReportText() {
    }

    public static String render(OpenedReport opened, ZoneId zone, Instant now) {
        JsonNode r = opened.report();
        ReportSummary s = opened.summary();
        StringBuilder out = new StringBuilder();
        out.append(opened.title(zone, LocalDate.ofInstant(now, zone))).append('\n');
        out.append("=".repeat(Math.min(72, opened.title(zone, LocalDate.ofInstant(now, zone)).length()))).append('\n');
        out.append("Server:   ").append(s.server()).append('\n');
        out.append("Result:   ").append(s.verdictWords());
        HistoryText.certificateNote(s, now).ifPresent(n -> out.append(" (").append(n).append(')'));
        out.append('\n');
        out.append("Finding:  ").append(s.outcomeTitle()).append(s.detail().isEmpty() ? "" : ": " + s.detail()).append('\n');
        out.append("Answered: ").append(s.answeredBy()).append('\n');
        if (s.httpStatus() != null) {
            out.append("HTTP:     ").append(s.httpStatus()).append('\n');
        }
        out.append("Proxy:    ").append(s.proxy()).append('\n');
        if (!s.resolvedAddresses().isEmpty()) {
            out.append("Address:  ").append(String.join(", ", s.resolvedAddresses())).append('\n');
        }
        if (!s.certificateIssuer().isEmpty()) {
            out.append("Certificate: ").append(s.certificateSubject()).append(", issued by ").append(s.certificateIssuer())
                    .append(s.certificateNotAfter() == null ? "" : ", valid until " + s.certificateNotAfter()).append('\n');
        }
        out.append("Report id: ").append(s.shortId()).append('\n');
        out.append("\nStages\n");
        for (JsonNode st : r.path("stages")) {
            String detail = line(st.path("detail").asText(""), 100);
            out.append(String.format(Locale.ROOT, "  %-28s %-10s %s%n", line(st.path("title").asText(""), 28),
                    line(st.path("status").asText(""), 10), detail));
        }
        JsonNode primary = r.path("resolution").path("entries").path(0);
        if (primary.isObject()) {
            out.append("\nWhat this means\n  ").append(line(primary.path("endUser").path("explanation").asText(""), 1200))
                    .append('\n');
            out.append("\nFor the helpdesk\n");
            int n = 1;
            for (JsonNode step : primary.path("helpdesk").path("steps")) {
                if (n > 12) {
                    break;
                }
                out.append("  ").append(n++).append(". ").append(line(step.asText(""), 600)).append('\n');
            }
            String contact = line(primary.path("helpdesk").path("contact").asText(""), 300);
            if (!contact.isEmpty()) {
                out.append("  Contact: ").append(contact).append('\n');
            }
        }
        opened.environment().ifPresent(env -> {
            out.append("\nTheir computer\n");
            out.append("  System:  ").append(env.osName()).append(' ').append(env.osVersion()).append(" (")
                    .append(env.osArch()).append(")\n");
            out.append("  App:     SSTP Doctor ").append(env.appVersion()).append(", Java ").append(env.javaVersion()).append('\n');
            out.append("  Proxy:   ").append(env.proxy()).append(", from ").append(env.proxySource()).append('\n');
            out.append("  DNS:     ").append(env.dnsServers().isEmpty() ? "—" : String.join(", ", env.dnsServers()))
                    .append(" (").append(env.dnsSource()).append(")\n");
            out.append("  Clock:   ").append(env.clockWords()).append('\n');
        });
        if (!opened.history().isEmpty()) {
            out.append("\nTheir earlier tests of this server\n");
            for (JsonNode h : opened.history()) {
                out.append("  ").append(HistoryText.line(ReportSummary.of(h), zone, now)).append('\n');
            }
        }
        return out.toString();
    }

    private static String line(String s, int max) {
        return UntrustedText.line(s, max);
    }
}
