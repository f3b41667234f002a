package org.sstpdoctor.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.sstpdoctor.kb.Resolution;
import org.sstpdoctor.probe.CertificateInfo;
import org.sstpdoctor.probe.Finding;
import org.sstpdoctor.probe.Header;
import org.sstpdoctor.probe.HttpReply;
import org.sstpdoctor.probe.ProbeReport;
import org.sstpdoctor.probe.ProxyMode;
import org.sstpdoctor.probe.ProxyReply;
import org.sstpdoctor.probe.StageResult;
import org.sstpdoctor.probe.TlsInfo;
import org.sstpdoctor.probe.Verdict;
import org.sstpdoctor.probe.tls.CertificateAnalyzer;
import org.sstpdoctor.report.ReportOutline.Block;
import org.sstpdoctor.report.ReportOutline.Bullets;
import org.sstpdoctor.report.ReportOutline.Column;
import org.sstpdoctor.report.ReportOutline.Fact;
import org.sstpdoctor.report.ReportOutline.Facts;
import org.sstpdoctor.report.ReportOutline.Line;
import org.sstpdoctor.report.ReportOutline.Paragraph;
import org.sstpdoctor.report.ReportOutline.Preformatted;
import org.sstpdoctor.report.ReportOutline.Row;
import org.sstpdoctor.report.ReportOutline.Section;
import org.sstpdoctor.report.ReportOutline.StageRow;
import org.sstpdoctor.report.ReportOutline.Stages;
import org.sstpdoctor.report.ReportOutline.Table;

/** Builds a {@link ReportOutline}: what each section says, in the order every format shows it. */
final class OutlineBuilder {
    private OutlineBuilder() {
    }

    static ReportOutline build(ProbeReport r, Resolution resolution) {
        List<Section> sections = new ArrayList<>(ResolutionOutline.sections(resolution));
        if (r.findings().size() > 1) {
            sections.add(new Section(2, "All findings", List.of(new Bullets(findings(r.findings()), false))));
        }
        sections.addAll(InsightsSections.sections(r.insights()));
        sections.add(new Section(2, "Stages", List.of(stages(r))));
        proxyReplies(r.proxyReplies(), 2).ifPresent(sections::add);
        httpAnswer(r.httpResponse()).ifPresent(sections::add);
        sections.addAll(tls(r.tls(), r.startedAt()));
        sections.addAll(RevocationSection.sections(r));
        if (r.sstp() != null) {
            List<Fact> sstp = new ArrayList<>();
            sstp.add(new Fact("Sent", Line.with().plain("CALL_CONNECT_REQUEST ").code(r.sstp().requestHex()).build()));
            sstp.add(new Fact("Received", r.sstp().answerDescription().isEmpty() ? Line.plain("nothing")
                    : Line.peer(r.sstp().answerDescription())));
            if (!r.sstp().ending().isEmpty()) {
                sstp.add(new Fact("Ending", Line.plain(r.sstp().ending())));
            }
            sections.add(new Section(2, "SSTP exchange", List.of(new Facts(sstp))));
        }
        if (r.signIn() != null) {
            sections.add(signIn(r.signIn()));
        }
        if (!r.resolvedAddresses().isEmpty() || !r.connectAttempts().isEmpty()) {
            List<Block> network = new ArrayList<>();
            if (!r.resolvedAddresses().isEmpty()) {
                network.add(new Facts(List.of(new Fact("Resolved to", Line.plain(String.join(", ", r.resolvedAddresses()))))));
            }
            if (!r.connectAttempts().isEmpty()) {
                network.add(new Bullets(r.connectAttempts().stream().map(Line::plain).toList(), false));
            }
            sections.add(new Section(2, "Network", network));
        }
        if (!r.notes().isEmpty()) {
            sections.add(new Section(2, "Notes", List.of(new Bullets(r.notes().stream().map(Line::peer).toList(), false))));
        }
        if (r.authenticatedRetry() != null) {
            sections.addAll(retry(r.authenticatedRetry()));
        }
        ReportOutline.Headline headline = new ReportOutline.Headline(r.verdict(), verdictTitle(r.verdict()), target(r),
                r.toolVersion());
        return new ReportOutline(headline, head(r), sections);
    }

    /** The facts at the top. */
    private static List<Fact> head(ProbeReport r) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Verdict", Line.with().verdict(verdictLine(r), r.verdict()).build()));
        facts.add(new Fact("Server", Line.code(r.target().sstpUrl().isEmpty() ? r.target().typed() : r.target().sstpUrl())));
        if (!r.target().typed().isEmpty()) {
            facts.add(new Fact("Typed", Line.code(r.target().typed())));
        }
        facts.add(new Fact("Proxy", Line.plain(proxyLine(r))));
        outcomeFacts(facts, r);
        facts.add(new Fact("Tested", Line.plain(TextReport.localTime(r.startedAt()) + " with SSTP Doctor " + r.toolVersion())));
        facts.add(new Fact("Total time", Line.plain(TextReport.millis(r.totalMillis()))));
        if (r.beyondCertificate() != null) {
            Finding b = r.beyondCertificate();
            Line.Builder past = Line.with().plain(b.outcome().title() + " (").peer(b.detail()).plain(")");
            if (b.verdict() == Verdict.PASS) {
                past.plain(" - the certificate is the only problem found.");
            }
            facts.add(new Fact("Past the certificate", past.build()));
        }
        return facts;
    }

    /** Outcome, who answered, the HTTP status and the detail: the same for the first attempt and the retry. */
    private static void outcomeFacts(List<Fact> facts, ProbeReport r) {
        facts.add(new Fact("Outcome", Line.with().plain(r.outcome().title() + " ").id(r.outcome().id()).build()));
        facts.add(new Fact("Answered by", Line.plain(r.answeredBy().phrase())));
        if (r.httpResponse() != null) {
            HttpReply h = r.httpResponse();
            facts.add(new Fact("HTTP status", h.reason().isEmpty() ? Line.plain(h.code() + " (no reason phrase)")
                    : Line.with().plain(h.code() + " ").peer(h.reason()).build()));
        }
        if (!r.detail().isEmpty()) {
            facts.add(new Fact("Detail", Line.peer(r.detail())));
        }
    }

    private static List<Line> findings(List<Finding> findings) {
        List<Line> lines = new ArrayList<>();
        for (Finding f : findings) {
            Line.Builder line = Line.with().plain(f.outcome().title() + " ").id(f.outcome().id());
            if (!f.detail().isEmpty()) {
                line.plain(": ").peer(f.detail());
            }
            lines.add(line.build());
        }
        return lines;
    }

    private static Stages stages(ProbeReport r) {
        List<StageRow> rows = new ArrayList<>();
        for (StageResult s : r.stages()) {
            boolean timed = s.started() && s.durationMillis() >= 0;
            rows.add(new StageRow(s.stage().title(), s.status(), timed, s.startMillis(), s.durationMillis(), s.detail()));
        }
        return new Stages(rows, r.totalMillis());
    }

    private static java.util.Optional<Section> proxyReplies(List<ProxyReply> replies, int level) {
        if (replies.isEmpty()) {
            return java.util.Optional.empty();
        }
        List<Row> rows = new ArrayList<>();
        for (ProxyReply p : replies) {
            List<String> hints = p.reply().productHints().stream().map(h -> h.name() + ": " + h.value()).toList();
            Line.Builder summary = Line.with().plain(p.credentialsSent() ? "with credentials -> " : "no credentials -> ")
                    .quoted(p.reply().statusLine());
            if (!p.authSchemes().isEmpty()) {
                summary.plain("; sign-in offered: ").peer(String.join(", ", p.authSchemes()));
            }
            if (!hints.isEmpty()) {
                summary.plain("; ").peer(String.join("; ", hints));
            }
            rows.add(new Row(List.of(Line.peer(p.connectTarget()), Line.plain(p.credentialsSent() ? "yes" : "no"),
                    Line.quoted(p.reply().statusLine()), Line.peer(String.join(", ", p.authSchemes())),
                    Line.peer(String.join("; ", hints))), summary.build()));
        }
        return java.util.Optional.of(new Section(level, "Proxy replies", List.of(new Table(List.of(column("CONNECT to"),
                column("Credentials sent"), column("Answer"), column("Sign-in offered"), column("Product hints")), rows))));
    }

    private static java.util.Optional<Section> httpAnswer(HttpReply h) {
        if (h == null) {
            return java.util.Optional.empty();
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Paragraph(Line.with().plain("Status line: ").quoted(h.statusLine()).build()));
        if (!h.headers().isEmpty()) {
            List<Row> rows = new ArrayList<>();
            for (Header header : h.headers()) {
                rows.add(new Row(List.of(Line.peer(header.name()), Line.peer(header.value())), null));
            }
            blocks.add(new Table(List.of(column("Header"), column("Value")), rows));
        }
        if (h.headersOmitted() > 0) {
            blocks.add(new Paragraph(Line.plain("(" + h.headersOmitted() + " more headers not shown)")));
        }
        if (!h.bodyExcerpt().isBlank()) {
            blocks.add(new Paragraph(Line.plain("Start of the page the server sent:")));
            blocks.add(new Preformatted(h.bodyExcerpt()));
        }
        return java.util.Optional.of(new Section(2, "Server's HTTP answer", blocks));
    }

    private static List<Section> tls(TlsInfo t, Instant testedAt) {
        if (t == null || t.chain().isEmpty() && t.protocol().isEmpty()) {
            return List.of();
        }
        List<Fact> facts = new ArrayList<>();
        if (!t.protocol().isEmpty()) {
            facts.add(new Fact("Protocol", Line.plain(t.protocol() + ", " + t.cipherSuite())));
        }
        facts.add(new Fact("Trusted", t.trusted() ? Line.plain("yes") : t.trustDetail().isEmpty() ? Line.plain("no")
                : Line.with().plain("no (").peer(t.trustDetail()).plain(")").build()));
        facts.add(new Fact("Name matches", Line.plain(t.nameMatches() ? "yes" : "no")));
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Facts(facts));
        if (!t.findings().isEmpty()) {
            blocks.add(new Bullets(findings(t.findings()), false));
        }
        List<Section> out = new ArrayList<>();
        out.add(new Section(2, "Secure connection", blocks));
        if (!t.chain().isEmpty()) {
            List<Row> rows = new ArrayList<>();
            int i = 0;
            for (CertificateInfo c : t.chain()) {
                String key = c.keyAlgorithm() + " " + c.keyBits() + " bits, " + c.signatureAlgorithm();
                rows.add(new Row(List.of(Line.plain(String.valueOf(i++)), Line.peer(c.subject()), Line.peer(c.issuer()),
                        Line.plain(String.valueOf(c.notBefore())), Line.plain(validTo(c.notAfter(), testedAt)),
                        Line.peer(String.join(", ", c.subjectAltNames())), Line.plain(key), Line.code(c.sha256Fingerprint())),
                        null));
            }
            out.add(new Section(3, "Certificate chain", List.of(new Table(List.of(new Column("#", true), column("Subject"),
                    column("Issuer"), column("Valid from"), column("Valid to"), column("Names (SAN)"), column("Key"),
                    column("SHA-256 fingerprint")), rows))));
        }
        return out;
    }

    /**
     * When a certificate stops being valid, with the days left when that is within
     * {@link CertificateAnalyzer#EXPIRY_WARNING} of the test (or that it had expired).
     */
    static String validTo(Instant notAfter, Instant testedAt) {
        String when = String.valueOf(notAfter);
        return daysLeft(notAfter, testedAt).map(d -> when + " (" + daysLeftWords(d) + ")").orElse(when);
    }

    /**
     * Whole days from the test to the end of a certificate's validity, when that is less than
     * {@link CertificateAnalyzer#EXPIRY_WARNING} away; negative once it has expired; empty otherwise
     * or when either time is unknown.
     */
    static java.util.Optional<Long> daysLeft(Instant notAfter, Instant testedAt) {
        if (notAfter == null || testedAt == null) {
            return java.util.Optional.empty();
        }
        Duration left = Duration.between(testedAt, notAfter);
        if (left.isNegative()) {
            return java.util.Optional.of(-Math.max(1, left.negated().toDays()));
        }
        return left.compareTo(CertificateAnalyzer.EXPIRY_WARNING) < 0 ? java.util.Optional.of(left.toDays())
                : java.util.Optional.empty();
    }

    /** "12 days left", "1 day left", "less than a day left", "expired 3 days ago". */
    static String daysLeftWords(long days) {
        if (days < 0) {
            return "expired " + -days + (days == -1 ? " day ago" : " days ago");
        }
        return days == 0 ? "less than a day left" : days + (days == 1 ? " day left" : " days left");
    }

    private static List<Section> retry(ProbeReport retry) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Verdict", Line.with().verdict(verdictLine(retry.verdict()), retry.verdict()).build()));
        outcomeFacts(facts, retry);
        List<Section> out = new ArrayList<>();
        out.add(new Section(2, "With the proxy credentials", List.of(new Paragraph(Line.plain("Windows' SSTP client cannot "
                + "sign in to a web proxy; this second attempt shows what lies beyond it.")), new Facts(facts))));
        proxyReplies(retry.proxyReplies(), 3).ifPresent(out::add);
        return out;
    }

    private static Column column(String name) {
        return new Column(name, false);
    }

    /** The proxy in one line; the report only ever knows whether a password was given, never the password. */
    static String proxyLine(ProbeReport r) {
        String mode = switch (r.proxy().mode()) {
            case NONE -> "none";
            case SYSTEM -> "system settings";
            case MANUAL -> "typed";
        };
        if (!r.proxy().used()) {
            return r.proxy().mode() == ProxyMode.SYSTEM ? "system settings: " + r.proxy().source() : mode;
        }
        String line = r.proxy().endpoint() + " (" + (r.proxy().mode() == ProxyMode.SYSTEM ? r.proxy().source() : mode) + ")";
        if (r.proxy().user() != null) {
            line += ", user " + r.proxy().user() + (r.proxy().passwordGiven() ? " with a password" : "");
        }
        return line;
    }

    /** The sign-in test's section: which user, what came of it, each step timed; never a password. */
    private static Section signIn(org.sstpdoctor.probe.SignInReport s) {
        List<Fact> facts = SignInFacts.facts(s).stream().map(f -> new Fact(f.name(), Line.peer(f.value()))).toList();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Facts(facts));
        List<String> steps = SignInFacts.steps(s);
        if (!steps.isEmpty()) {
            blocks.add(new Bullets(steps.stream().map(Line::peer).toList(), false));
        }
        return new Section(2, SignInFacts.heading(s), blocks);
    }

    /** The verdict in words; with the sign-in test, it speaks of the user getting in, not only of reaching the service. */
    static String verdictLine(ProbeReport r) {
        org.sstpdoctor.probe.SignInReport s = r.signIn();
        if (s != null && s.attempted() && s.outcome() != null) {
            if (r.verdict() == Verdict.PASS) {
                return "SIGNED IN - this user can connect";
            }
            if (r.verdict() == Verdict.WARN) {
                return "SIGNED IN WITH WARNINGS";
            }
            if (s.outcome().isSignInOutcome()) {
                return "WILL NOT CONNECT - the SSTP service answered, the sign-in did not succeed";
            }
        }
        return verdictLine(r.verdict());
    }

    static String verdictLine(Verdict v) {
        return switch (v) {
            case PASS -> "REACHABLE - the SSTP service answered";
            case WARN -> "REACHABLE WITH WARNINGS";
            case FAIL -> "NOT REACHABLE";
        };
    }

    static String verdictTitle(Verdict v) {
        return switch (v) {
            case PASS -> "REACHABLE";
            case WARN -> "REACHABLE WITH WARNINGS";
            case FAIL -> "NOT REACHABLE";
        };
    }

    static String target(ProbeReport r) {
        String host = r.target().displayHost().isEmpty() ? r.target().typed() : r.target().displayHost();
        return r.target().port() == 443 || r.target().port() == 0 ? host : host + ":" + r.target().port();
    }
}
