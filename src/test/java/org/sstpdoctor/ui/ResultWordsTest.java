package org.sstpdoctor.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sstpdoctor.kb.Resolution;
import org.sstpdoctor.probe.ProbeReport;
import org.sstpdoctor.probe.ProxyMode;
import org.sstpdoctor.responder.Scenario;
import org.sstpdoctor.testing.TestProbes;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The top of the result page (headline, summary sentence, facts) for every kind of server practice mode
 * imitates, as the wizard builds it: plain words for the end user, never protocol names, Java's
 * messages or the same fragment twice, and no headline that says nothing answered beside a fact
 * that something did. Internals belong in Details.
 */
@ExtendWith(ApplicationExtension.class)
class ResultWordsTest extends WizardTestBase {
    /** SSTP's and Java's own words: CALL_CONNECT_ACK, ENCAPSULATED_PROTOCOL_ID, javax.net.ssl…, "PKIX path…". */
    private static final List<Pattern> INTERNALS = List.of(
            Pattern.compile("\\b[A-Z]{2,}_[A-Z_]{2,}\\b"),
            Pattern.compile("(?i)\\b(java|javax|sun)\\.[a-z]"),
            Pattern.compile("(?i)exception|PKIX|certification path|Signature does not match|nonce|crypto binding request"),
            Pattern.compile("\\d{2}:\\d{2}:\\d{2}\\.\\d{3,}"), // a time with fractions of a second
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d"));    // ISO time: people read local time

    @Start
    void start(javafx.stage.Stage s) {
        // Only the FX toolkit is needed: the summary is built into a grid, as on the result page.
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void theTopOfTheResultIsInPlainWords(Scenario scenario) throws Exception {
        ProbeReport report;
        try (PracticeSession session = PracticeSession.start(scenario)) {
            // As Practice fills the pages: a scenario that plays the web proxy is the manual proxy.
            boolean proxy = session.proxyPort().isPresent();
            WizardModel.RequestInput typed = new WizardModel.RequestInput(session.address(), "",
                    proxy ? ProxyMode.MANUAL : ProxyMode.NONE, proxy ? "localhost" : "",
                    proxy ? String.valueOf(session.proxyPort().getAsInt()) : "", "",
                    new char[0], session.caFile().toString(), 3, session.expectedCertificate());
            report = TestProbes.probe().run(typed.toRequest());
        }
        Resolution res = Resolution.of(report, WizardTestBase.KB);
        List<String> shown = new ArrayList<>();
        GridPane facts = new GridPane();
        ResultSummary.Verdict v = ResultSummary.verdict(report, res);
        ResultSummary.facts(facts, report, res, "VPN Connection");
        shown.add(v.title());
        shown.add(v.summary());
        facts.getChildren().forEach(n -> shown.add(((Label) n).getText()));
        String all = String.join("\n", shown);
        List<javafx.scene.Node> cells = facts.getChildren();
        for (int i = 0; i + 1 < cells.size(); i += 2) {
            String value = ((Label) cells.get(i + 1)).getText();
            assertFalse(value.isBlank(), scenario + ": " + ((Label) cells.get(i)).getText() + " has no value\n" + all);
            if (((Label) cells.get(i)).getText().equals(Texts.get("result.fact.cert")) && report.tls() != null
                    && report.tls().chain().isEmpty() && report.tls().findings().isEmpty()) {
                assertFalse(value.contains("valid"), scenario + ": no certificate came, yet it is called valid: " + value);
            }
        }
        for (String text : shown) {
            for (Pattern p : INTERNALS) {
                assertFalse(p.matcher(text).find(), scenario + ": internals at the top (" + p + "): " + text + "\n" + all);
            }
            assertFalse(repeatsItself(text), scenario + ": says the same thing twice: " + text);
            assertFalse(text.contains("\\u") || text.contains("\uFFFD"), scenario + ": a peer's raw bytes at the top: " + text);
            assertTrue(text.codePoints().allMatch(cp -> cp < 0x2300 || cp > 0x23FF), scenario + ": a glyph the fonts lack: " + text);
        }
        String summary = v.summary().toLowerCase(java.util.Locale.ROOT);
        if (summary.contains("never answered") || summary.contains("nothing answered")) {
            assertFalse(summary.contains("reached the vpn server") || summary.contains("came from"),
                    scenario + ": 'never answered' beside who answered: " + v.summary());
        }
        if (v.title().equals(Texts.get("result.verdict.fail")) && all.contains(Texts.get("result.sstp.accepted"))) {
            assertTrue(summary.contains("certificate") || summary.contains("not reached") || summary.contains("windows"),
                    scenario + ": 'Not reachable' above an SSTP service that accepted the call, with no word why: " + all);
        }
    }

    /** "nosuch.invalid: nosuch.invalid: …", "(Call Connect Ack) (Call Connect Ack received…)". */
    static boolean repeatsItself(String text) {
        String[] words = text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}. ]", " ").trim().split("\\s+");
        for (int i = 0; i + 1 < words.length; i++) {
            if (words[i].length() >= 6 && words[i].equals(words[i + 1])) {
                return true; // "nosuch.invalid nosuch.invalid"
            }
        }
        for (int n = 2; n <= words.length / 2; n++) {
            for (int i = 0; i + 2 * n <= words.length; i++) {
                boolean same = true;
                for (int k = 0; k < n && same; k++) {
                    same = words[i + k].equals(words[i + n + k]);
                }
                if (same) {
                    return true;
                }
            }
        }
        return false;
    }
}
