package org.sstpdoctor.report;

import org.sstpdoctor.text.PeerText;

import java.util.Locale;
import org.sstpdoctor.probe.CertificateInfo;
import org.sstpdoctor.probe.Finding;
import org.sstpdoctor.probe.Header;
import org.sstpdoctor.probe.HttpReply;
import org.sstpdoctor.probe.ProbeReport;
import org.sstpdoctor.probe.ProxyReply;
import org.sstpdoctor.probe.StageResult;
import org.sstpdoctor.probe.StageStatus;
import org.sstpdoctor.probe.Verdict;

/**
 * The report as plain text for a terminal or a ticket: verdict first, then the stages, then the
 * evidence. ASCII only, so it pastes cleanly anywhere.
 */
public final class TextReport {
    private TextReport() {
    }

    public static String render(ProbeReport r) {
        return render(r, null);
    }

    /** The report with the knowledge base's explanation and steps right after the verdict. */
    public static String render(ProbeReport r, org.sstpdoctor.kb.Resolution resolution) {
        StringBuilder out = new StringBuilder();
        out.append("SSTP Doctor ").append(r.toolVersion()).append(" - ");
        // Input that could not be parsed has no host: show what was typed (already without any password).
        out.append(r.target().displayHost().isEmpty() ? r.target().typed() : r.target().displayHost());
        if (r.target().port() != 443 && r.target().port() != 0) {
            out.append(':').append(r.target().port());
        }
        out.append('\n');
        out.append("Tested:       ").append(localTime(r.startedAt())).append('\n');
        out.append("Proxy:        ").append(proxyLine(r)).append('\n');
        out.append('\n');
        out.append("Verdict:      ").append(verdictLine(r.verdict())).append('\n');
        out.append("Outcome:      ").append(r.outcome().title()).append(" [").append(r.outcome().id()).append("]\n");
        if (r.httpResponse() != null) {
            out.append("HTTP answer:  ").append(r.httpResponse().statusLine()).append('\n');
        }
        out.append("Answered by:  ").append(r.answeredBy().phrase()).append('\n');
        if (!r.detail().isEmpty()) {
            out.append("Detail:       ").append(r.detail()).append('\n');
        }
        if (r.beyondCertificate() != null) {
            Finding b = r.beyondCertificate();
            out.append("Past the certificate: ").append(b.outcome().title()).append(" (").append(b.detail()).append(")\n");
            if (b.verdict() == Verdict.PASS) {
                out.append("              The certificate is the only problem found.\n");
            }
        }
        out.append(ResolutionText.render(resolution));
        if (r.findings().size() > 1) {
            out.append("\nAll findings\n");
            for (Finding f : r.findings()) {
                out.append("  - ").append(f.outcome().title()).append(" [").append(f.outcome().id()).append("]");
                if (!f.detail().isEmpty()) {
                    out.append(": ").append(f.detail());
                }
                out.append('\n');
            }
        }
        out.append(InsightsSections.text(r.insights()));
        out.append("\nStages\n");
        for (StageResult s : r.stages()) {
            out.append("  ").append(mark(s.status())).append(' ')
                    .append(pad(s.stage().title(), 24))
                    .append(pad(s.started() && s.status() != StageStatus.SKIPPED ? millis(s.durationMillis()) : "", 11))
                    .append(s.detail().isEmpty() && s.status() == StageStatus.NOT_REACHED ? "not reached" : s.detail())
                    .append('\n');
        }
        out.append("  Total ").append(millis(r.totalMillis())).append('\n');
        appendProxyReplies(out, r);
        appendHttp(out, r.httpResponse());
        appendTls(out, r);
        RevocationSection.text(out, r);
        if (r.sstp() != null) {
            out.append("\nSSTP exchange\n");
            out.append("  sent:     CALL_CONNECT_REQUEST ").append(r.sstp().requestHex()).append('\n');
            out.append("  received: ").append(r.sstp().answerDescription().isEmpty() ? "nothing" : r.sstp().answerDescription()).append('\n');
            if (!r.sstp().ending().isEmpty()) {
                out.append("  ending:   ").append(r.sstp().ending()).append('\n');
            }
        }
        if (!r.resolvedAddresses().isEmpty() || !r.connectAttempts().isEmpty()) {
            // The same section as the Markdown and HTML reports: what the name resolved to, each connection tried.
            out.append("\nNetwork\n");
            if (!r.resolvedAddresses().isEmpty()) {
                out.append("  resolved to: ").append(String.join(", ", r.resolvedAddresses())).append('\n');
            }
            r.connectAttempts().forEach(a -> out.append("  - ").append(a).append('\n'));
        }
        if (!r.notes().isEmpty()) {
            out.append("\nNotes\n");
            r.notes().forEach(n -> out.append("  - ").append(n).append('\n'));
        }
        if (r.authenticatedRetry() != null) {
            ProbeReport retry = r.authenticatedRetry();
            out.append("\nWith the proxy credentials (Windows' SSTP client cannot do this)\n");
            out.append("  Verdict:  ").append(verdictLine(retry.verdict())).append('\n');
            out.append("  Outcome:  ").append(retry.outcome().title()).append(" [").append(retry.outcome().id()).append("]\n");
            if (!retry.detail().isEmpty()) {
                out.append("  Detail:   ").append(retry.detail()).append('\n');
            }
        }
        // Second guard for the terminal: peer text is made visible where it is captured; nothing raw gets out here either.
        return PeerText.lines(out.toString());
    }

    /** The proxy in one line; the report only ever knows whether a password was given, never the password. */
    static String proxyLine(ProbeReport r) {
        String mode = switch (r.proxy().mode()) {
            case NONE -> "none";
            case SYSTEM -> "system settings";
            case MANUAL -> "typed";
        };
        if (!r.proxy().used()) {
            return r.proxy().mode() == org.sstpdoctor.probe.ProxyMode.SYSTEM
                    ? "system settings: " + r.proxy().source() : mode;
        }
        String line = r.proxy().endpoint() + " (" + (r.proxy().mode() == org.sstpdoctor.probe.ProxyMode.SYSTEM
                ? r.proxy().source() : mode) + ")";
        if (r.proxy().user() != null) {
            line += ", user " + r.proxy().user() + (r.proxy().passwordGiven() ? " with a password" : "");
        }
        return line;
    }

    static String verdictLine(Verdict v) {
        return switch (v) {
            case PASS -> "REACHABLE - the SSTP service answered";
            case WARN -> "REACHABLE WITH WARNINGS";
            case FAIL -> "NOT REACHABLE";
        };
    }

    private static void appendProxyReplies(StringBuilder out, ProbeReport r) {
        if (r.proxyReplies().isEmpty()) {
            return;
        }
        out.append("\nProxy replies\n");
        for (ProxyReply p : r.proxyReplies()) {
            out.append("  CONNECT ").append(p.connectTarget())
                    .append(p.credentialsSent() ? " (with credentials)" : " (no credentials)")
                    .append(" -> ").append(p.reply().statusLine()).append('\n');
            if (!p.authSchemes().isEmpty()) {
                out.append("    sign-in offered: ").append(String.join(", ", p.authSchemes())).append('\n');
            }
            for (Header h : p.reply().productHints()) {
                out.append("    ").append(h.name()).append(": ").append(h.value()).append('\n');
            }
        }
    }

    private static void appendHttp(StringBuilder out, HttpReply h) {
        if (h == null) {
            return;
        }
        out.append("\nServer's HTTP answer\n  ").append(h.statusLine()).append('\n');
        for (Header header : h.headers()) {
            out.append("  ").append(header.name()).append(": ").append(header.value()).append('\n');
        }
        if (h.headersOmitted() > 0) {
            out.append("  (").append(h.headersOmitted()).append(" more headers not shown)\n");
        }
    }

    private static void appendTls(StringBuilder out, ProbeReport r) {
        if (r.tls() == null || r.tls().chain().isEmpty() && r.tls().protocol().isEmpty()) {
            return;
        }
        out.append("\nSecure connection\n");
        if (!r.tls().protocol().isEmpty()) {
            out.append("  ").append(r.tls().protocol()).append(", ").append(r.tls().cipherSuite()).append('\n');
        }
        out.append("  trusted: ").append(r.tls().trusted() ? "yes" : "no")
                .append(r.tls().trusted() ? "" : " (" + r.tls().trustDetail() + ")").append('\n');
        out.append("  name matches: ").append(r.tls().nameMatches() ? "yes" : "no").append('\n');
        int i = 0;
        for (CertificateInfo c : r.tls().chain()) {
            out.append("  [").append(i++).append("] ").append(c.subject()).append('\n');
            out.append("      issuer:  ").append(c.issuer()).append('\n');
            out.append("      valid:   ").append(c.notBefore()).append(" to ").append(c.notAfter()).append('\n');
            if (!c.subjectAltNames().isEmpty()) {
                out.append("      names:   ").append(String.join(", ", c.subjectAltNames())).append('\n');
            }
            out.append("      key:     ").append(c.keyAlgorithm()).append(' ').append(c.keyBits()).append(" bits, ")
                    .append(c.signatureAlgorithm()).append('\n');
            out.append("      sha256:  ").append(c.sha256Fingerprint()).append('\n');
        }
    }

    private static String mark(StageStatus s) {
        return switch (s) {
            case PASSED -> "[ OK ]";
            case WARNED -> "[WARN]";
            case FAILED -> "[FAIL]";
            case SKIPPED -> "[SKIP]";
            case NOT_REACHED -> "[ -- ]";
        };
    }

    /** A duration as people read it: "0.6 ms", "26 ms", "12.3 s"; empty when not measured. */
    private static final java.time.format.DateTimeFormatter LOCAL_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx", java.util.Locale.ROOT);

    /** When a test ran, for people: local time to the second with its UTC offset (the JSON keeps the ISO instant). */
    public static String localTime(java.time.Instant at) {
        return at == null ? "" : LOCAL_TIME.format(at.atZone(java.time.ZoneId.systemDefault()));
    }

    public static String millis(double ms) {
        if (ms < 0) {
            return "";
        }
        if (ms < 10) {
            return String.format(Locale.ROOT, "%.1f ms", ms);
        }
        if (ms < 10_000) {
            return String.format(Locale.ROOT, "%.0f ms", ms);
        }
        return String.format(Locale.ROOT, "%.1f s", ms / 1000);
    }

    static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }
}
