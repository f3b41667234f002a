package org.sstpdoctor.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sstpdoctor.probe.ProxyMode;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A field's problem appears in space kept for it: whatever the message (one line or three, quoting a
 * long typed text), the controls below do not move, at 720×620, 1280×900, the narrowest window and
 * on a 1280×900 screen at 150%.
 */
@ExtendWith(ApplicationExtension.class)
class FieldMessageSpaceTest extends WizardTestBase {
    private static final String LONG = "averyveryveryverylongsubdomainnamethatgoesonandonandonandonx";

    @Start
    void start(javafx.stage.Stage s) throws Exception {
        open(s);
    }

    @AfterEach
    void stopWizard() {
        interact(() -> wizard.shutdown());
    }

    /** What people type wrong, field by field; more than LongestProblems measures, and different. */
    private static final Map<String, List<String>> TYPED = Map.of(
            "#addressField", List.of("http://vpn.example.com", "https://user:pw@vpn.example.com", "[fe80::1%eth0]",
                    "vpn.exa mple.com" + LONG, "https://vpn.example.com/some/path/that/is/long/" + LONG, "01.02.03.04",
                    "[fe80::1%" + LONG + "]", "ftp://" + LONG, "[]", "[vpn.example.com]", "vpn.example.com:",
                    "[1.2.3.4:2001::]", "-" + LONG + ".example.com", "vpn.example.com:99999", LONG + LONG + "." + LONG),
            "#destinationField", List.of("", "x".repeat(300)),
            "#portField", List.of("99999", LONG, "-1", "0"),
            "#expectedCertField", List.of("AB:CD", LONG),
            "#proxyHostField", List.of("socks5://" + LONG, "https://" + LONG, "user:pw@" + LONG, LONG + ":8080", LONG + " y",
                    "proxy/path"),
            "#proxyUserField", List.of("a:b", "y".repeat(500), "a\u200bb"),
            "#vpnUserField", List.of("z".repeat(300)),
            "#vpnDomainField", List.of("EXAMPLE\\", "d".repeat(300)));

    @Test
    void aProblemNeverMovesTheControlsBelowIt() throws Exception {
        for (String size : List.of("720x620", "1280x900", "560x620", "150%")) {
            atSize(size);
            interact(() -> wizard.show(WizardController.Page.ADDRESS));
            interact(() -> lookup("#advancedPane").<javafx.scene.control.TitledPane>query().setExpanded(false));
            fill("#addressField", "vpn.example.com");
            expectStill(size, "#addressField", "#addressMessage", "#destinationField");
            if (!size.equals("150%")) {
                fill("#addressField", "-" + LONG + ".example.com");
                interact(() -> wizard.root.requestFocus());
                shot("field-message-space-address-" + size);
                fill("#addressField", "vpn.example.com");
            }
            expectStill(size, "#destinationField", "#destinationMessage", "#advancedPane");
            interact(() -> lookup("#advancedPane").<javafx.scene.control.TitledPane>query().setExpanded(true));
            expectStill(size, "#portField", "#portMessage", "#timeoutSpinner");
            expectStill(size, "#expectedCertField", "#expectedCertMessage", ".hint");

            interact(() -> {
                wizard.model().vpnPassword.set("secret");
                wizard.show(WizardController.Page.SIGNIN);
            });
            fill("#vpnUserField", "someone");
            expectStill(size, "#vpnUserField", "#userMessage", "#vpnPasswordField");
            expectStill(size, "#vpnDomainField", "#domainMessage", ".hint");
            interact(() -> {
                wizard.model().vpnUser.set("");
                wizard.model().vpnPassword.set("");
                wizard.model().proxyMode.set(ProxyMode.MANUAL);
                wizard.model().proxyPort.set("8080");
                wizard.show(WizardController.Page.PROXY);
            });
            fill("#proxyHostField", "proxy.example.com");
            expectStill(size, "#proxyHostField", "#hostMessage", "#proxyUserField");
            fill("#proxyUserField", "someone");
            expectStill(size, "#proxyUserField", "#userMessage", "#passwordField");
            interact(() -> wizard.model().proxyUser.set(""));
            if (!size.equals("150%")) {
                shot("field-message-space-proxy-" + size);
            }
        }
        // The CA file's message names a path of any length: it comes last, so nothing is below it to move.
        Label ca = lookup("#caMessage").query();
        List<Node> box = ca.getParent().getChildrenUnmodifiable();
        assertSame(ca, box.get(box.size() - 1));
    }

    private void atSize(String size) {
        if (size.equals("150%")) {
            openAt150Percent();
        } else {
            String[] wh = size.split("x");
            resize(Double.parseDouble(wh[0]), Double.parseDouble(wh[1]));
        }
    }

    /** Each wrong text typed in the field, then the keyboard moved on: its message shows, and {@code below} stays put. */
    private void expectStill(String size, String field, String message, String below) throws Exception {
        TextInputControl input = lookup(field).query();
        Label label = lookup(message).query();
        String good = input.getText();
        WaitForAsyncUtils.waitForFxEvents();
        Node under = lookup(below).query();
        double before = under.localToScene(0, 0).getY();
        for (String wrong : TYPED.get(field)) {
            interact(() -> {
                input.requestFocus();
                input.setText(wrong);
                wizard.root.requestFocus(); // leaving the field shows its problem at once
            });
            WaitForAsyncUtils.waitForFxEvents();
            assertFalse(label.getText().isEmpty(), size + ": no message under " + field + " for " + wrong);
            assertEquals(before, under.localToScene(0, 0).getY(), 0.5,
                    size + ": \"" + label.getText() + "\" under " + field + " moved " + below + " down");
            assertTrue(label.getHeight() >= label.prefHeight(label.getWidth()) - 0.5, "the whole message shows: " + label.getText());
        }
        interact(() -> input.setText(good));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, under.localToScene(0, 0).getY(), 0.5, size + ": " + below + " moved back up");
    }
}
