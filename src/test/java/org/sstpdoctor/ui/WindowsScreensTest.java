package org.sstpdoctor.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sstpdoctor.responder.Scenario;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Windows checks' two screens at every size (720×620, 1280×900, 150%): the Advanced "Expected
 * certificate" field on the address page, and the result page's Windows-compatibility table, whose
 * fingerprints wrap whole instead of being cut.
 */
@ExtendWith(ApplicationExtension.class)
class WindowsScreensTest extends WizardTestBase {
    @Start
    void start(javafx.stage.Stage s) throws Exception {
        open(s);
    }

    @Test
    void expectedCertificateFieldAndWindowsTableFitEverySize() throws Exception {
        interact(() -> wizard.startPractice(Scenario.SSL_OFFLOAD));
        waitForPage(WizardController.Page.ADDRESS, 5);
        interact(() -> ((TitledPane) lookup("#advancedPane").query()).setExpanded(true));
        WaitForAsyncUtils.waitForFxEvents();
        for (double[] size : new double[][] {{720, 620}, {1280, 900}}) {
            resize(size[0], size[1]);
            assertInsideTheWindow(lookup("#expectedCertField").query());
        }
        openAt150Percent();
        assertInsideTheWindow(lookup("#expectedCertField").query());
        shotAtSizes("windows-2-address-expected-certificate");

        interact(() -> ((TitledPane) lookup("#advancedPane").query()).setExpanded(false));
        resize(1280, 900);
        nextToResult(30);
        clickOn("#helpdeskTab");
        WaitForAsyncUtils.waitForFxEvents();
        GridPane table = lookup("#windowsTable").query();
        for (double[] size : new double[][] {{720, 620}, {1280, 900}, {0, 0}}) {
            if (size[0] == 0) {
                openAt150Percent();
            } else {
                resize(size[0], size[1]);
            }
            scrollTo(table);
            for (Node n : table.getChildren()) {
                if (n instanceof javafx.scene.control.TextArea a) { // a fingerprint: every line in view, no scroll bar inside
                    assertTrue(a.lookupAll(".scroll-bar").stream().noneMatch(Node::isVisible),
                            "a fingerprint scrolls inside its box at " + stage.getWidth() + ": " + a.getText());
                }
                if (n instanceof Label l && l.isVisible()) {
                    // A wrapped label that is shorter than its text needs shows "…" instead of the rest.
                    assertTrue(l.getHeight() + 0.5 >= l.prefHeight(l.getWidth()), "cut at " + stage.getWidth() + ": " + l.getText());
                    assertTrue(l.localToScene(l.getBoundsInLocal()).getMaxX() <= stage.getScene().getWidth() + 0.5,
                            "beyond the window's right edge: " + l.getText());
                }
            }
        }
        resize(1280, 900);
        scrollTo(table);
        shot("windows-5-table-1280x900");
        resize(720, 620);
        scrollTo(table);
        shot("windows-5-table-720x620");
        openAt150Percent();
        scrollTo(table);
        Screenshots.save(stage.getScene(), "windows-5-table-150pct", 1.5);
        interact(() -> wizard.stopPractice());
    }

    private void scrollTo(Node node) {
        ScrollPane scroller = lookup("#scroller").query();
        interact(() -> {
            scroller.layout();
            double contentHeight = scroller.getContent().getBoundsInLocal().getHeight();
            double viewport = scroller.getViewportBounds().getHeight();
            Bounds inContent = scroller.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal()));
            scroller.setVvalue(contentHeight <= viewport ? 0 : Math.min(1, inContent.getMinY() / (contentHeight - viewport)));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void assertInsideTheWindow(TextField field) {
        WaitForAsyncUtils.waitForFxEvents();
        Bounds b = field.localToScene(field.getBoundsInLocal());
        assertTrue(b.getMinX() >= 0 && b.getMaxX() <= stage.getScene().getWidth() && b.getMaxY() <= stage.getScene().getHeight(),
                "the expected-certificate field at " + b + " in " + stage.getScene().getWidth() + "x" + stage.getScene().getHeight());
        assertTrue(b.getWidth() >= 150, "wide enough to read a fingerprint: " + b.getWidth());
    }
}
