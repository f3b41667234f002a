package org.sstpdoctor.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.sstpdoctor.kb.KnowledgeBase;
import org.sstpdoctor.settings.CredentialStore;
import org.sstpdoctor.settings.SettingsStore;
import org.sstpdoctor.testing.TestProbes;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The wizard in a headless window (Monocle), wired to a probe whose names resolve only to
 * loopback, a settings file in a temporary folder and no credential store.
 */
abstract class WizardTestBase extends FxRobot {
    static final KnowledgeBase KB = KnowledgeBase.builtIn();

    @TempDir
    static Path configFolder;

    WizardController wizard;
    Stage stage;
    /** The helpdesk services: a history in a temporary folder, no profiles or events unless a test sets them. */
    org.sstpdoctor.ticket.Helpdesk helpdesk;
    final List<String> openedUrls = new CopyOnWriteArrayList<>();
    /** When set, opening a link fails as it does on a computer without a browser. */
    volatile boolean noBrowser;

    @BeforeAll
    static void headless() {
        System.setProperty("testfx.robot", "glass");
        System.setProperty("testfx.headless", "true");
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("headless.geometry", "1600x1200-32"); // room for the 150% window
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("java.awt.headless", "true");
    }

    /** Called from the test class's {@code @Start} method (TestFX looks for it on the class itself). */
    void open(Stage s) throws Exception {
        open(s, new SettingsStore(configFolder.resolve("settings-" + System.nanoTime() + ".json")));
    }

    void open(Stage s, SettingsStore store) throws Exception {
        open(s, store, TestProbes.probe());
    }

    void open(Stage s, SettingsStore store, org.sstpdoctor.probe.SstpProbe probe) throws Exception {
        open(s, store, () -> probe);
    }

    void open(Stage s, SettingsStore store, java.util.function.Supplier<org.sstpdoctor.probe.SstpProbe> probe) throws Exception {
        open(s, store, probe, CredentialStore.NONE);
    }

    void open(Stage s, SettingsStore store, java.util.function.Supplier<org.sstpdoctor.probe.SstpProbe> probe,
              CredentialStore credentials) throws Exception {
        stage = s;
        FXMLLoader loader = new FXMLLoader(DesktopApp.class.getResource("wizard.fxml"), Texts.bundle());
        Parent root = loader.load();
        wizard = loader.getController();
        org.sstpdoctor.ticket.Helpdesk desk = helpdesk != null ? helpdesk : new org.sstpdoctor.ticket.Helpdesk(
                new org.sstpdoctor.history.HistoryStore(configFolder.resolve("history-" + System.nanoTime())),
                List::of, List::of);
        wizard.init(AppServices.ready(KB, probe, store, credentials, url -> {
            if (noBrowser) {
                throw new IllegalStateException("no web browser");
            }
            openedUrls.add(url);
        }).withHelpdesk(desk));
        s.setScene(DesktopApp.styledScene(root));
        s.titleProperty().unbind();
        s.titleProperty().bind(wizard.windowTitleProperty()); // as DesktopApp does
        s.setWidth(780);
        s.setHeight(700);
        s.show();
    }

    void waitForPage(WizardController.Page page, int seconds) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> wizard.currentPage() == page);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * From the address page, Next through the optional sign-in page (left empty) and the proxy page
     * (as it is set), and waits up to {@code resultSeconds} for the result.
     */
    void nextToResult(int resultSeconds) throws Exception {
        clickOn("#nextButton");
        waitForPage(WizardController.Page.SIGNIN, 5); // the optional sign-in page: left empty
        clickOn("#nextButton");
        waitForPage(WizardController.Page.PROXY, 5);
        clickOn("#nextButton");
        waitForPage(WizardController.Page.RESULT, resultSeconds);
    }

    String text(String query) {
        Object node = lookup(query).query();
        if (node instanceof Labeled l) {
            return l.getText();
        }
        if (node instanceof TextInputControl t) {
            return t.getText();
        }
        throw new AssertionError(query + " is not a text node: " + node);
    }

    /** The value beside a fact's name at the top of the result page. */
    String fact(String name) {
        javafx.scene.layout.GridPane facts = lookup("#facts").query();
        List<javafx.scene.Node> cells = facts.getChildren();
        for (int i = 0; i + 1 < cells.size(); i += 2) {
            if (((Labeled) cells.get(i)).getText().equals(name)) {
                return ((Labeled) cells.get(i + 1)).getText();
            }
        }
        throw new AssertionError("no fact " + name + " in " + cells);
    }

    /** Sets a field as a person would, but at once (typing long addresses key by key is slow in CI). */
    void fill(String query, String value) {
        TextInputControl field = lookup(query).query();
        interact(() -> {
            field.requestFocus();
            field.setText(value);
        });
    }

    void shot(String name) {
        Screenshots.save(stage.getScene(), name);
    }

    /**
     * Resizes the window on the FX thread. Monocle's headless screen (17.0.10, the last that runs on
     * Java 17) throws BufferOverflowException from its painter when a shown window changes size, so
     * the window is hidden for the change and shown again: the same as opening at that size.
     */
    void resize(double width, double height) {
        Runnable change = () -> {
            stage.hide();
            stage.setWidth(width);
            stage.setHeight(height);
            stage.show();
        };
        if (javafx.application.Platform.isFxApplicationThread()) {
            change.run();
        } else {
            interact(change);
        }
    }

    /**
     * A 1280×900 screen at 150%, as JavaFX sees it: 853×600 units, less a Windows taskbar (48 units at
     * 150%). Monocle's headless screen has no output scale, so the tests place the window as
     * {@link WindowSize#fit} would on that screen and draw it at 1.5 ({@link Screenshots#save(javafx.scene.Scene, String, double)}).
     */
    static final javafx.geometry.Rectangle2D SCREEN_1280x900_AT_150 = new javafx.geometry.Rectangle2D(0, 0, 1280 / 1.5, 900 / 1.5 - 48);

    /** The window as it opens on a 1280×900 screen at 150% (hidden for the change: see {@link #resize}). */
    void openAt150Percent() {
        Runnable change = () -> {
            stage.hide();
            WindowSize.fit(stage, stage.getScene().getRoot(), SCREEN_1280x900_AT_150);
            stage.show();
        };
        if (javafx.application.Platform.isFxApplicationThread()) {
            change.run();
        } else {
            interact(change);
        }
    }

    /**
     * The page at the three sizes the issue asks to look at: 720×620, 1280×900, and the window as it
     * opens on a 1280×900 screen at 150%, drawn at 1.5 (a picture of what that screen shows).
     */
    void shotAtSizes(String name) {
        double w = stage.getWidth();
        double h = stage.getHeight();
        resize(720, 620);
        shot(name + "-720x620");
        resize(1280, 900);
        shot(name + "-1280x900");
        openAt150Percent();
        Screenshots.save(stage.getScene(), name + "-150pct", 1.5);
        resize(w, h);
    }
}
