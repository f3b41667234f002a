package org.sstpdoctor.ui;

import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import org.sstpdoctor.kb.KbEntry;
import org.sstpdoctor.kb.Resolution;
import org.sstpdoctor.probe.AnsweredBy;
import org.sstpdoctor.probe.HttpReply;
import org.sstpdoctor.probe.Outcome;
import org.sstpdoctor.probe.ProbeReport;
import org.sstpdoctor.report.ReportOutline;
import org.sstpdoctor.report.TextReport;

/**
 * The top of the result page in plain words: the headline, one summary sentence that never
 * contradicts it, and the key facts. Protocol names and Java's messages stay in Details.
 */
final class ResultSummary {
    private ResultSummary() {
    }

    record Verdict(StateIcon.Kind icon, String style, String title, String summary) {
    }

    static Verdict verdict(ProbeReport r, Resolution res) {
        String headline = res.primary().map(KbEntry::title).orElse(r.outcome().title());
        if (r.outcome() == Outcome.CANCELLED) {
            return new Verdict(StateIcon.Kind.CANCELLED, "cancelled", Texts.get("result.verdict.cancelled"),
                    Texts.get("result.summary.cancelled"));
        }
        if (r.outcome() == Outcome.INTERNAL_ERROR) {
            return new Verdict(StateIcon.Kind.FAIL, "internal", Texts.get("result.verdict.internal"),
                    Texts.get("result.internal.summary", r.detail()));
        }
        String key = r.verdict().name().toLowerCase(Locale.ROOT);
        StateIcon.Kind icon = switch (r.verdict()) {
            case PASS -> StateIcon.Kind.PASS;
            case WARN -> StateIcon.Kind.WARN;
            default -> StateIcon.Kind.FAIL;
        };
        if (r.verdict() == org.sstpdoctor.probe.Verdict.FAIL && r.beyondCertificate() != null
                && r.beyondCertificate().outcome().verdict() != org.sstpdoctor.probe.Verdict.FAIL) {
            // Windows stops at the certificate, so the verdict stays; but say what is true past it.
            return new Verdict(icon, key, Texts.get("result.verdict.fail.answered"), Texts.get("result.summary.certonly",
                    headline.endsWith(".") ? headline.substring(0, headline.length() - 1) : headline));
        }
        String who = whoAnswered(r.answeredBy());
        String summary = who.isEmpty() ? headline : sentence(headline) + " " + who;
        if (r.verdict() == org.sstpdoctor.probe.Verdict.FAIL && !r.outcome().isSignInOutcome()
                && sstpOutcome(r) == Outcome.SSTP_ACK) {
            // Decided over a call the server accepted (another certificate, no Windows can negotiate):
            // "not reachable" alone would be false, so say what answered and why Windows still fails.
            return new Verdict(icon, key, Texts.get("result.verdict.fail.answered"), Texts.get("result.summary.ackedbutfails",
                    headline.endsWith(".") ? headline.substring(0, headline.length() - 1) : headline));
        }
        org.sstpdoctor.probe.SignInReport signIn = r.signIn();
        if (signIn != null && signIn.attempted() && signIn.signedIn() && r.verdict() == org.sstpdoctor.probe.Verdict.WARN) {
            // Signed in, and a warning decided (some Windows versions): the title says both, as the reports do.
            return new Verdict(icon, key, Texts.get("result.verdict.signedin.warn"), summary);
        }
        if (r.outcome().isSignInOutcome()) {
            // With the sign-in test the question is whether this user gets in, not only whether the server answers.
            return new Verdict(icon, key, Texts.get(r.outcome() == Outcome.SIGNED_IN ? "result.verdict.signedin"
                    : "result.verdict.signinfailed"), summary);
        }
        return new Verdict(icon, key, Texts.get("result.verdict." + key), summary);
    }

    /** "… not accepted (691)": the Windows error once, also when the words already name it. */
    static String withCode(String words, String windowsError) {
        return windowsError.isEmpty() || words.contains(windowsError) ? words : words + " (" + windowsError + ")";
    }

    /** Knowledge-base titles carry no full stop; a second sentence follows, so give the first one its own. */
    static String sentence(String s) {
        String t = s.strip();
        return t.isEmpty() || ".!?".indexOf(t.charAt(t.length() - 1)) >= 0 ? t : t + ".";
    }

    /** One sentence that fits every outcome of its kind ("reached the VPN server", not "answered"). */
    static String whoAnswered(AnsweredBy by) {
        return Texts.get("result.summary.by." + by.name().toLowerCase(Locale.ROOT));
    }

    static void facts(GridPane facts, ProbeReport r, Resolution res, String destination) {
        facts.getChildren().clear();
        int row = 0;
        if (!destination.isEmpty()) {
            row = fact(facts, row, "result.fact.destination", destination);
        }
        row = fact(facts, row, "result.fact.server", r.target().displayHost() + ":" + r.target().port());
        // The same line as every report format: the outline is the one source of what a report says.
        row = fact(facts, row, "result.fact.proxy", ReportOutline.of(r, res).fact("Proxy")
                .map(f -> f.value().plainText()).orElse(Texts.get("result.fact.proxy.none")));
        if (r.answeredBy() != AnsweredBy.THIS_COMPUTER) { // a cancelled test was answered by nobody at all
            // A failed revocation check is decided by the CA's servers (or their silence), but the VPN server
            // did answer: "Nobody" beside "Server's answer 200 OK" would contradict itself.
            AnsweredBy by = r.outcome().isRevocationProblem() && r.httpResponse() != null ? AnsweredBy.SERVER : r.answeredBy();
            row = fact(facts, row, "result.fact.answeredby", capitalise(by.phrase()));
        }
        HttpReply http = r.httpResponse();
        if (http != null) {
            row = fact(facts, row, "result.fact.http", answer(http));
        } else if (!r.proxyReplies().isEmpty()) {
            HttpReply last = r.proxyReplies().get(r.proxyReplies().size() - 1).reply();
            row = fact(facts, row, "result.fact.proxyanswer", answer(last));
        }
        if (r.tls() != null) {
            // No certificate came (the connection ended first): nothing was checked, so nothing is called valid.
            boolean received = !r.tls().chain().isEmpty() || !r.tls().findings().isEmpty();
            row = fact(facts, row, "result.fact.tls", r.tls().protocol().isBlank() ? Texts.get("result.fact.tls.none")
                    : r.tls().protocol());
            row = fact(facts, row, "result.fact.cert", received ? certificate(r, res) : Texts.get("result.fact.cert.none"));
        }
        if (r.beyondCertificate() != null) {
            // The probe looked past the certificate (it sends no secret): say whether that was the only problem.
            row = fact(facts, row, "result.fact.beyond", sstpInWords(r.beyondCertificate().outcome()));
        } else if (r.sstp() != null) {
            Outcome sstp = sstpOutcome(r);
            row = fact(facts, row, "result.fact.sstp", sstpInWords(sstp.isSignInOutcome() ? Outcome.SSTP_ACK : sstp));
        }
        if (r.signIn() != null) {
            row = fact(facts, row, "result.fact.signin", !r.signIn().attempted() ? Texts.get("result.signin.skipped")
                    : r.signIn().signedIn() ? Texts.get("result.signin.ok", r.signIn().user(), r.signIn().address())
                    : withCode(plain(r.signIn().outcome(), res), r.signIn().windowsError()));
        }
        if (r.authenticatedRetry() != null) {
            ProbeReport retry = r.authenticatedRetry();
            // As the SSTP fact says it when the retry got that far ("accepted the call"); packet names are in Details.
            Outcome sstp = retry.sstp() != null ? sstpOutcome(retry) : retry.outcome();
            row = fact(facts, row, "result.fact.retry", sstp.name().startsWith("SSTP_") ? sstpInWords(sstp) : plain(sstp, res));
        }
        row = fact(facts, row, "result.fact.when", Formats.time(r.startedAt()));
        fact(facts, row, "result.fact.time", TextReport.millis(r.totalMillis()));
    }

    /**
     * "404 Not Found" in the words the status is known by; a reason phrase that is not plain words (terminal
     * escapes, invalid text, a forged "Verdict: REACHABLE") stays in Details, where it is shown escaped.
     */
    static String answer(HttpReply reply) {
        String reason = reply.reason().strip();
        if (reason.isEmpty()) {
            return String.valueOf(reply.code());
        }
        return reason.length() <= 40 && reason.matches("[A-Za-z][A-Za-z '-]*") ? reply.code() + " " + reason
                : Texts.get("result.fact.http.odd", reply.code());
    }

    /**
     * The certificate in one line, revocation included: "valid and trusted" alone would be untrue when
     * Windows will refuse the certificate because its revocation could not be checked, or it is revoked.
     */
    static String certificate(ProbeReport r, Resolution res) {
        org.sstpdoctor.probe.revocation.RevocationResult revocation = r.revocation();
        String code = revocation == null ? "" : org.sstpdoctor.probe.revocation.RevocationChecker.windowsCode(revocation.outcome());
        String codeSuffix = code.isEmpty() ? "" : " (" + code.split(" ")[0] + ")";
        if (!r.tls().findings().isEmpty()) {
            String finding = plain(r.tls().findings().get(0).outcome(), res);
            return revocation == null || !revocation.outcome().isRevocationProblem() ? finding
                    : Texts.get("result.fact.cert.andrevocation", finding,
                            Texts.get("result.details.revocation.short." + revocation.outcome().id()) + codeSuffix);
        }
        if (revocation == null || !revocation.outcome().name().startsWith("REVOCATION_")) {
            // Cancelled, or the time ran out, before the check: say so rather than imply it passed.
            return Texts.get("result.fact.cert.notchecked");
        }
        return Texts.get("result.fact.cert." + revocation.outcome().id(), codeSuffix);
    }

    /**
     * What the SSTP layer itself came to: its own finding, not the deciding outcome, which a Windows
     * finding (a certificate other than the expected one, no Windows able to negotiate) may have replaced
     * after the SSTP service answered.
     */
    static Outcome sstpOutcome(ProbeReport r) {
        return r.findings().stream().map(org.sstpdoctor.probe.Finding::outcome).filter(o -> o.name().startsWith("SSTP_"))
                .findFirst().orElse(r.outcome());
    }

    /** What the SSTP service did, in words; the packet names are in Details. */
    private static String sstpInWords(Outcome o) {
        return switch (o) {
            case SSTP_ACK -> Texts.get("result.sstp.accepted");
            case SSTP_NAK -> Texts.get("result.sstp.refused");
            case SSTP_NO_ANSWER -> Texts.get("result.sstp.silent");
            case SSTP_ABORTED -> Texts.get("result.sstp.aborted");
            case SSTP_MALFORMED -> Texts.get("result.sstp.malformed");
            default -> o.verdict() == org.sstpdoctor.probe.Verdict.FAIL ? Texts.get("result.sstp.notreached")
                    : Texts.get("result.sstp.accepted");
        };
    }

    /** An outcome as the knowledge base words it for people, when it has an entry. */
    private static String plain(Outcome o, Resolution res) {
        return res.entries().stream().filter(e -> o.id().equals(e.outcome())).map(KbEntry::title).findFirst().orElse(o.title());
    }

    private static int fact(GridPane facts, int row, String key, String value) {
        Label name = new Label(Texts.get(key));
        name.getStyleClass().add("fact-name");
        name.setMinWidth(Label.USE_PREF_SIZE);
        GridPane.setValignment(name, javafx.geometry.VPos.TOP); // beside the first line of a value that wraps
        Label v = EntryViews.paragraph(value, "fact-value");
        v.setAccessibleText(name.getText() + " " + value);
        facts.addRow(row, name, v);
        return row + 1;
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
