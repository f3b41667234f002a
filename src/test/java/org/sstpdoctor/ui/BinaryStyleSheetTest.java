package org.sstpdoctor.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.css.CssParser;
import javafx.css.Rule;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The binary style sheet the build puts beside sstp-doctor.css holds the same rules as the text. */
class BinaryStyleSheetTest {
    @TempDir
    Path dir;

    @Test
    void theBuildsBinarySheetSaysWhatTheCssSays() throws Exception {
        URL css = DesktopApp.class.getResource("sstp-doctor.css");
        URL bss = DesktopApp.class.getResource("sstp-doctor.bss");
        assertNotNull(bss, "no sstp-doctor.bss beside sstp-doctor.css (pom execution binary-style-sheet)");
        List<String> rules = rules(new CssParser().parse(css));
        assertFalse(rules.isEmpty());
        assertEquals(rules, rules(Stylesheet.loadBinary(bss)));
    }

    @Test
    void writesTheBinaryBesideTheCss() throws Exception {
        Path css = dir.resolve("look.css");
        Files.writeString(css, ".page { -fx-padding: 1em; }\n.verdict-pass, .state-pass { -fx-text-fill: #107c10; }\n");
        BinaryStyleSheet.main(new String[] {css.toString()});
        File bss = dir.resolve("look.bss").toFile();
        assertEquals(List.of("[*.page]{-fx-padding}", "[*.verdict-pass, *.state-pass]{-fx-text-fill}"),
                rules(Stylesheet.loadBinary(bss.toURI().toURL())));
    }

    /** Each rule as its selectors and the properties it sets. */
    private static List<String> rules(Stylesheet sheet) {
        return sheet.getRules().stream().map(BinaryStyleSheetTest::describe).toList();
    }

    private static String describe(Rule rule) {
        return rule.getSelectors() + "{" + String.join(",", rule.getDeclarations().stream().map(d -> d.getProperty()).toList()) + "}";
    }
}
