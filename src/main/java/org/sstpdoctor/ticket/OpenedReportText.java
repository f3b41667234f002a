package org.sstpdoctor.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.sstpdoctor.history.HistoryText;
import org.sstpdoctor.history.ReportSummary;
import org.sstpdoctor.text.Sentences;
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
        String title = opened.title(zone, LocalDate.ofInstant(now, zone));
        out.append(title).append('\n');
        out.append("=".repeat(Math.min(72, title.length()))).append('\n');
        fact(out, "opened.server", s.server());
        fact(out, "opened.result", HistoryText.certificateNote(s, now)
                .map(n -> Sentences.get("ticket.with_note", s.verdictWords(), n)).orElse(s.verdictWords()));
        fact(out, "opened.finding", s.outcomeTitle() + (s.detail().isEmpty() ? "" : ": " + s.detail()));
        fact(out, "opened.answered", s.answeredBy());
        if (s.httpStatus() != null) {
            fact(out, "opened.http", String.valueOf(s.httpStatus()));
        }
        fact(out, "opened.proxy", s.proxy());
        if (!s.resolvedAddresses().isEmpty()) {
            fact(out, "opened.address", String.join(", ", s.resolvedAddresses()));
        }
        if (!s.certificateIssuer().isEmpty()) {
            String issued = Sentences.get("opened.certificate", s.certificateSubject(), s.certificateIssuer());
            out.append(s.certificateNotAfter() == null ? issued
                    : Sentences.get("opened.certificate.until", issued, s.certificateNotAfter().toString())).append('\n');
        }
        out.append(Sentences.get("report_id", s.shortId())).append('\n');
        out.append('\n').append(Sentences.get("opened.stages")).append('\n');
        for (JsonNode st : r.path("stages")) {
            String detail = line(st.path("detail").asText(""), 100);
            // "not_reached" → "not reached": the contract's id, in words.
            out.append(String.format(Locale.ROOT, "  %-28s %-11s %s%n", line(st.path("title").asText(""), 28),
                    line(st.path("status").asText("").replace('_', ' '), 11), detail));
        }
        JsonNode primary = r.path("resolution").path("entries").path(0);
        if (primary.isObject()) {
            out.append('\n').append(Sentences.get("opened.meaning")).append("\n  ")
                    .append(line(primary.path("endUser").path("explanation").asText(""), 1200)).append('\n');
            out.append('\n').append(Sentences.get("opened.helpdesk")).append('\n');
            int n = 1;
            for (JsonNode step : primary.path("helpdesk").path("steps")) {
                if (n > 12) {
                    break;
                }
                out.append("  ").append(n++).append(". ").append(line(step.asText(""), 600)).append('\n');
            }
            String contact = line(primary.path("helpdesk").path("contact").asText(""), 300);
            if (!contact.isEmpty()) {
                out.append("  ").append(Sentences.get("opened.contact", contact)).append('\n');
            }
        }
        opened.environment().ifPresent(env -> {
            out.append('\n').append(Sentences.get("opened.computer")).append('\n');
            computerFact(out, "opened.system", env.osName() + " " + env.osVersion() + " (" + env.osArch() + ")");
            computerFact(out, "opened.app", Sentences.get("opened.app.value", env.appVersion(), env.javaVersion()));
            computerFact(out, "opened.proxy", Sentences.get("opened.proxy.value", env.proxy(), env.proxySource()));
            computerFact(out, "opened.dns", (env.dnsServers().isEmpty() ? "—" : String.join(", ", env.dnsServers()))
                    + " (" + env.dnsSource() + ")");
            computerFact(out, "opened.clock", env.clockWords());
        });
        if (!opened.history().isEmpty()) {
            out.append('\n').append(Sentences.get("opened.history")).append('\n');
            for (JsonNode h : opened.history()) {
                out.append("  ").append(HistoryText.line(ReportSummary.of(h), zone, now)).append('\n');
            }
        }
        return out.toString();
    }

    /** "Server:   vpn.contoso.com": the label, padded so the values line up. */
    private static void fact(StringBuilder out, String key, String value) {
        out.append(String.format(Locale.ROOT, "%-10s", Sentences.get(key))).append(value).append('\n');
    }

    /** "  System:  Windows 11 10.0 (amd64)": indented under "Their computer". */
    private static void computerFact(StringBuilder out, String key, String value) {
        out.append("  ").append(String.format(Locale.ROOT, "%-9s", Sentences.get(key))).append(value).append('\n');
    }

    private static String line(String s, int max) {
        return UntrustedText.line(s, max);
    }
}
